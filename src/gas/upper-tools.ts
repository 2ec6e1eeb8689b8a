/**
 * Entry of build/UpperTools.html: what only an upper level's workbook ("cấp trên" mode) runs. Loaded
 * by upper-tools-loader.ts, which calls init first with the functions of Code.js the tools use
 * (upper-host.ts); Code.js's own modules never import this file.
 */
export { remindFromMenu, syncFromMenu, upperDaily, upperHourly, upperPeople, upperSetup } from "./upper";
export { init } from "./upper-host";
