/** The timeline lives in components/timeline/; this path keeps the old import working. */
export { Timeline, TimelineComparison, type TimelineProps } from "./timeline/index";
