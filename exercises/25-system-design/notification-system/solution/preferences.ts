import type { Category, Channel, SuppressReason, User } from "./types";

/** Where a channel reaches this user, if they gave us an address for it. */
export function addressFor(user: User, channel: Channel): string | undefined {
  if (channel === "email") return user.email;
  if (channel === "sms") return user.phone;
  return user.pushToken;
}

/** Why this user must not get this category on this channel, or null when they may. */
export function suppressReason(user: User, channel: Channel, category: Category): SuppressReason | null {
  if (user.channels?.[channel] === false) return "CHANNEL_OFF";
  // Consent to marketing is opt-in; receipts and password resets are owed whatever the user chose.
  if (category === "marketing" && user.marketing?.[channel] !== true) return "MARKETING_OPT_OUT";
  if (!addressFor(user, channel)) return "NO_ADDRESS";
  return null;
}
