/** The consolidation of several communes lives in core (the upper level's report renders it); re-exported for the CLI. */
export * from "../../core/consolidate";
