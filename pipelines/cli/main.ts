import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError, RunError, UsageError, systemErrorMessage } from "../lib/errors.ts";
import { pipelineCommand } from "./pipeline.ts";
import { wmoCommand } from "./wmo.ts";
import { wlzCommand } from "./wlz.ts";
import { lifeCommand } from "./life.ts";
import { rekenmodelCommand } from "./rekenmodel.ts";
import { ledgerCommand } from "./ledger.ts";
import { gemeenteCommand } from "./gemeente.ts";
import { triangleCommand } from "./triangle.ts";
import { scenarioCommand } from "./scenario.ts";

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Option descriptions shown by --help. */
  help: [string, string][];
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const COMMANDS: Command[] = [
  pipelineCommand,
  wmoCommand,
  wlzCommand,
  lifeCommand,
  rekenmodelCommand,
  gemeenteCommand,
  scenarioCommand,
  triangleCommand,
  ledgerCommand,
];

function mainHelp(): string {
  return [
    "afkoop — evaluates the collective buy-offs of the right of recourse (afkoop regresrecht Wmo and Wlz)",
    "",
    "Usage: afkoop <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(12)}${c.summary}`),
    "",
    "Run 'afkoop <command> --help' for the options of a command.",
  ].join("\n");
}

export function commandHelp(c: Command): string {
  return [
    `afkoop ${c.name} — ${c.summary}`,
    "",
    `Usage: ${c.usage}`,
    "",
    "Options:",
    ...c.help.map(([o, d]) => `  ${o.padEnd(22)}${d}`),
    `  ${"-h, --help".padEnd(22)}Show this help`,
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(mainHelp());
    return name ? 0 : 1;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    console.error(`afkoop: unknown command '${name}'\n\n${mainHelp()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...cmd.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`afkoop ${cmd.name}: ${(e as Error).message}\n\n${commandHelp(cmd)}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(commandHelp(cmd));
    return 0;
  }
  try {
    return await cmd.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError || e instanceof RunError) {
      console.error(`afkoop ${cmd.name}: ${e.message}`);
      return e instanceof UsageError ? 2 : 1;
    }
    const system = systemErrorMessage(e);
    if (system) {
      console.error(`afkoop ${cmd.name}: ${system}`);
      return 1;
    }
    console.error(`afkoop ${cmd.name}: ${(e as Error).stack ?? e}`);
    return 1;
  }
}
