import { LibraryError } from "./errors";
import type { Library } from "./library";

/**
 * The console: one command line in, the lines to print out. A refusal prints
 * `error: <CODE>`; nothing a learner types can crash the desk.
 */
export function execute(library: Library, line: string): string[] {
  const [command, ...args] = line.trim().split(/\s+/);
  try {
    switch (command) {
      case "add": {
        const [isbn, copies, ...title] = args;
        const book = library.addBook(isbn ?? "", title.join(" "), Number(copies));
        return [`added ${book.isbn} "${book.title}" (${book.copies} copies)`];
      }
      case "join": {
        const [id, ...name] = args;
        const member = library.join(id ?? "", name.join(" "));
        return [`joined ${member.id} ${member.name}`];
      }
      case "lend": {
        const [isbn, member, date] = args;
        const loan = library.lend(isbn ?? "", member ?? "", date ?? "");
        return [`lent ${loan.isbn} to ${loan.memberId}, due ${loan.dueOn}`];
      }
      case "return": {
        const [isbn, member, date] = args;
        const fine = library.giveBack(isbn ?? "", member ?? "", date ?? "");
        return [fine > 0 ? `returned ${isbn}, fine ${(fine / 100).toFixed(2)}` : `returned ${isbn}`];
      }
      case "overdue":
        return [...library.overdue(args[0] ?? "")].map((l) => `${l.dueOn} ${l.isbn} ${l.memberId}`);
      case "search":
        return library.search(args.join(" ")).map((b) => `${b.isbn} ${b.title} (${library.available(b.isbn)} of ${b.copies} in)`);
      default:
        throw new LibraryError("UNKNOWN_COMMAND", `unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof LibraryError) return [`error: ${error.code}`];
    throw error;
  }
}
