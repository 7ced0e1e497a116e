import type { Viewer } from "../access/access";
import { applyRegrade } from "./apply-regrade";
import { requestRegradePreview } from "./request-regrade-preview";
import type { TRegradeRequest } from "./schemas";

/** A class's regrade request: a preview, or the regrade itself. */
export function requestRegrade(viewer: Viewer, classId: string, request: TRegradeRequest) {
  return request.mode === "preview" ? requestRegradePreview(viewer, request.exerciseId, classId) : applyRegrade(viewer, request.exerciseId, classId);
}
