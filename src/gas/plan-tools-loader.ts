/**
 * The plan-editing part of the server, kept out of Code.js (build/PlanTools.html, see scripts/build.mjs):
 * compiled the first time an execution needs it, once per execution.
 */
import type * as Tools from "./plan-tools";

export type PlanTools = typeof Tools;

let tools: PlanTools | null = null;

export function planTools(): PlanTools {
  tools ??= new Function(HtmlService.createHtmlOutputFromFile("PlanTools").getContent())() as PlanTools;
  return tools;
}
