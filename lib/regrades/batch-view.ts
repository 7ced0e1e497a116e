import type { RegradeMode, RegradeStatus } from "../generated/prisma/client";

export const batchSelect = {
  id: true,
  itemId: true,
  classId: true,
  mode: true,
  status: true,
  total: true,
  done: true,
  createdAt: true,
  finishedAt: true,
} as const;

export type RegradeBatchView = {
  id: string;
  itemId: string;
  classId: string | null;
  mode: RegradeMode;
  status: RegradeStatus;
  total: number;
  done: number;
  createdAt: Date;
  finishedAt: Date | null;
};
