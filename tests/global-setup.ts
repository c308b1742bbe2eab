import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { databaseUrl, stop } = await prepareTestDatabase();
  project.provide("databaseUrl", databaseUrl);
  return stop;
}
