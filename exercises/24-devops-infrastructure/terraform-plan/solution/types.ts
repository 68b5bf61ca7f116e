// Read-only: the shapes, the resource schema and the error every file shares.

export type Scalar = string | number | boolean;
/** What `plan` shows for a value that only exists once apply has created what it refers to. */
export const KNOWN_AFTER_APPLY = "(known after apply)";
/** `${aws_db.main.endpoint}`: group 1 is the resource address, group 2 the attribute. */
export const REFERENCE = /\$\{([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\}/g;

export interface ResourceSchema {
  required: string[];
  /** Arguments the cloud cannot change on a live object: a new value means a new object. */
  forceNew: string[];
  /** Attributes the cloud sets when it creates the object; the config never sets them. */
  computed: string[];
}

export const resourceTypes: Record<string, ResourceSchema> = {
  aws_vpc: { required: ["cidr_block"], forceNew: ["cidr_block"], computed: ["id"] },
  aws_s3_bucket: { required: ["bucket"], forceNew: ["bucket"], computed: ["id", "arn"] },
  aws_db: { required: ["engine", "instance_class"], forceNew: ["engine", "vpc_id"], computed: ["id", "endpoint"] },
  aws_instance: { required: ["image", "size"], forceNew: ["image", "vpc_id"], computed: ["id", "private_ip"] },
  aws_lb: { required: ["targets"], forceNew: [], computed: ["id", "dns_name"] },
  aws_alarm: { required: ["metric", "threshold"], forceNew: [], computed: ["id"] },
};

export interface Resource {
  address: string; // "aws_db.main"
  type: string;
  name: string;
  /** The arguments as written, references still unresolved. */
  attributes: Record<string, Scalar>;
  createBeforeDestroy: boolean;
}
export interface Config { resources: Resource[] }

export interface StateResource {
  type: string;
  id: string;
  /** Arguments and computed attributes, as the cloud last reported them. */
  attributes: Record<string, Scalar>;
  /** Addresses this resource referred to when it was last applied (so it can be deleted in order). */
  dependencies: string[];
}
export interface State { resources: Record<string, StateResource> }

export type Action = "create" | "update" | "replace" | "delete" | "no-op";
export interface Change {
  address: string;
  action: Action;
  /** Arguments after the change, references resolved or KNOWN_AFTER_APPLY; null for a delete. */
  after: Record<string, Scalar> | null;
  /** For a replace: the ForceNew arguments that forced it, sorted. */
  forcedBy?: string[];
  /** For a replace: which half happens first. */
  replaceOrder?: "destroy-before-create" | "create-before-destroy";
}
export interface Plan { changes: Change[] }

export type TfErrorCode =
  | "INVALID_CONFIG"
  | "UNKNOWN_TYPE"
  | "MISSING_ATTRIBUTE"
  | "UNDECLARED_REFERENCE"
  | "DEPENDENCY_CYCLE"
  | "PROVIDER_ERROR";

export class TfError extends Error {
  constructor(
    readonly code: TfErrorCode,
    readonly address: string | null,
    message: string,
    readonly detail: { attribute?: string; reference?: string; cycle?: string[] } = {},
  ) {
    super(message);
    this.name = "TfError";
  }
}
