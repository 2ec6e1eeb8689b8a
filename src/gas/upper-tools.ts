/**
 * Entry of build/UpperTools.html: what an upper level's workbook ("cấp trên" mode) runs, and a
 * commune's writing of its sent figures into its intake file there (push.ts). Loaded
 * by upper-tools-loader.ts, which calls init first with the functions of Code.js the tools use
 * (upper-host.ts); Code.js's own modules never import this file.
 */
export {
  remindFromMenu,
  sendReportFromMenu,
  showReportFromMenu,
  syncFromMenu,
  upperDaily,
  upperHourly,
  upperPeople,
  upperSetup,
} from "./upper";
export { pushPeriod, retryPushes } from "./push";
export { init } from "./upper-host";
