// Read-only: an in-page fake cloud. It keeps objects by id, sets computed attributes, logs every
// call and fails where a test tells it to — the way a real provider's API can fail mid-apply.
import { KNOWN_AFTER_APPLY, resourceTypes, type Scalar } from "./types";

type Attrs = Record<string, Scalar>;
const PREFIX: Record<string, string> = { aws_vpc: "vpc", aws_s3_bucket: "bucket", aws_db: "db", aws_instance: "i", aws_lb: "lb", aws_alarm: "alarm" };

export class FakeCloud {
  /** "create aws_db.main", "update …", "delete …", in call order. */
  readonly log: string[] = [];
  private readonly objects = new Map<string, { type: string; attributes: Attrs }>();
  private readonly failures = new Set<string>();
  private counter = 0;

  /** Make the next `op` ("create" | "update" | "delete") on `address` fail. */
  failOn(op: "create" | "update" | "delete", address: string): void {
    this.failures.add(`${op} ${address}`);
  }

  async create(address: string, type: string, args: Attrs): Promise<Attrs> {
    this.call("create", address, args);
    const id = `${PREFIX[type] ?? "res"}-${++this.counter}`;
    const computed: Attrs = { id };
    if (type === "aws_s3_bucket") computed.arn = `arn:aws:s3:::${String(args.bucket)}`;
    if (type === "aws_db") computed.endpoint = `${id}.db.internal:5432`;
    if (type === "aws_instance") computed.private_ip = `10.0.1.${this.counter}`;
    if (type === "aws_lb") computed.dns_name = `${id}.lb.example.com`;
    const attributes = { ...args, ...computed };
    this.objects.set(id, { type, attributes });
    return { ...attributes };
  }

  async update(address: string, id: string, args: Attrs): Promise<Attrs> {
    this.call("update", address, args);
    const object = this.found(id);
    const schema = resourceTypes[object.type];
    for (const key of schema.forceNew) {
      if (key in args && args[key] !== object.attributes[key]) throw new Error(`${address}: ${key} cannot be changed in place`);
    }
    const computed = Object.fromEntries(schema.computed.map((k) => [k, object.attributes[k]]));
    object.attributes = { ...args, ...computed };
    return { ...object.attributes };
  }

  async delete(address: string, id: string): Promise<void> {
    this.call("delete", address, {});
    this.found(id);
    this.objects.delete(id);
  }

  /** The object as the cloud has it now, or null when it no longer exists. */
  async read(id: string): Promise<Attrs | null> {
    const object = this.objects.get(id);
    return object ? { ...object.attributes } : null;
  }

  /** Someone changes or deletes an object by hand in the console, outside Terraform. */
  tamper(id: string, changes: Attrs | null): void {
    if (changes === null) this.objects.delete(id);
    else Object.assign(this.found(id).attributes, changes);
  }

  ids(): string[] {
    return [...this.objects.keys()].sort();
  }

  private call(op: string, address: string, args: Attrs): void {
    this.log.push(`${op} ${address}`);
    if (this.failures.delete(`${op} ${address}`)) throw new Error(`${op} ${address}: the cloud API returned 500`);
    for (const [key, value] of Object.entries(args)) {
      if (typeof value === "string" && value.includes(KNOWN_AFTER_APPLY)) throw new Error(`${address}: ${key} was sent unresolved`);
    }
  }

  private found(id: string) {
    const object = this.objects.get(id);
    if (!object) throw new Error(`no object ${id}`);
    return object;
  }
}
