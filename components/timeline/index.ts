export { Timeline, type TimelineProps } from "./timeline";
export { TimelineComparison } from "./timeline-comparison";
