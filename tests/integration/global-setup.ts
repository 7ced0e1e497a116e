import type { TestProject } from "vitest/node";
import { startTestServer } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await server.embedded?.stop();
  };
}
