// The public API of the domain core. Adapters (gas/, ui/, local/) import from here only.
export * from "./cell";
export * from "./columns";
export * from "./parse";
export * from "./periods";
export * from "./plan";
export * from "./plan-schema";
export * from "./schema-kit";
export * from "./collect";
export * from "./marks";
export * from "./tables";
export * from "./settings";
export * from "./totals";
export * from "./validate";
export * from "./personal-data";
export * from "./report";
export * from "./rollup";
