// The project's shared folder (the contract, the public specs, the gold example): `../shared` beside the checkout.
// A git worktree elsewhere finds it beside the main checkout; LIAOCHENG_SHARED_DIR overrides both.
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {root} from "../../scripts/site-build.js";

function mainCheckout(): string | null {
  try {
    const args = ["rev-parse", "--path-format=absolute", "--git-common-dir"];
    const common = execFileSync("git", args, {cwd: root, encoding: "utf8"});
    return dirname(common.trim());
  } catch {
    return null;
  }
}

function find(): string {
  if (process.env.LIAOCHENG_SHARED_DIR) return resolve(process.env.LIAOCHENG_SHARED_DIR);
  const beside = join(root, "..", "shared");
  if (existsSync(beside)) return beside;
  const main = mainCheckout();
  return main ? join(main, "..", "shared") : beside;
}

/** The shared folder, or where it would be; tests that need it skip when it is absent. */
export const sharedDir = find();
