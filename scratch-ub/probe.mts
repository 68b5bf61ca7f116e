import { BrowserSession } from "../src/cli/browser/browser-session";
import { toRequest } from "../src/cli/runtimes";
import { exerciseAt } from "../tests/helpers/exercises";
const session = await BrowserSession.open();
const adder = await exerciseAt("tests/fixtures/packs/runtime/adder");
const r = await session.run(toRequest(adder, adder.starter));
console.log(JSON.stringify(r, null, 1).slice(0, 2000));
await session.close();
