import { parseConfig } from "../config";
import type { Config, State } from "../types";

export const backend = `
resources:
  aws_vpc.main:
    cidr_block: 10.0.0.0/16
  aws_s3_bucket.assets:
    bucket: roadlab-assets
  aws_db.main:
    engine: postgres
    instance_class: db.t3.micro
    vpc_id: \${aws_vpc.main.id}
  aws_instance.web_1:
    image: ami-2024
    size: small
    vpc_id: \${aws_vpc.main.id}
    database_url: postgres://app@\${aws_db.main.endpoint}/app
    assets_bucket: \${aws_s3_bucket.assets.arn}
    lifecycle:
      create_before_destroy: true
  aws_instance.web_2:
    image: ami-2024
    size: small
    vpc_id: \${aws_vpc.main.id}
    database_url: postgres://app@\${aws_db.main.endpoint}/app
    assets_bucket: \${aws_s3_bucket.assets.arn}
  aws_lb.web:
    targets: \${aws_instance.web_1.id},\${aws_instance.web_2.id}
    port: 443
  aws_alarm.lb_5xx:
    metric: HTTPCode_ELB_5XX_Count
    threshold: 10
    load_balancer: \${aws_lb.web.id}
`;

/** The backend config with one line changed: `edit(from, to)` pairs, applied in order. */
export function variant(...edits: [string, string][]): Config {
  let source = backend;
  for (const [from, to] of edits) {
    if (!source.includes(from)) throw new Error(`fixture: ${from} not in the backend config`);
    source = source.replace(from, to);
  }
  return parseConfig(source);
}

export const empty: State = { resources: {} };
