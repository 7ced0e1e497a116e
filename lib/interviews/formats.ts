/**
 * What a candidate chooses when starting a mock interview: a length (how
 * long, how many questions and coding tasks) and a level (which questions
 * and exercises are drawn), and how the score weighs them.
 */
export const INTERVIEW_FORMATS = {
  short: { minutes: 20, questions: 8, tasks: 1 },
  standard: { minutes: 45, questions: 15, tasks: 2 },
} as const;
export type TInterviewFormat = keyof typeof INTERVIEW_FORMATS;
export const FORMAT_NAMES = Object.keys(INTERVIEW_FORMATS) as [TInterviewFormat, ...TInterviewFormat[]];

/**
 * junior: the bank's questions of difficulty 1 to 3 and the course's
 * intermediate and interview exercises; senior: difficulty 2 to 4 and the
 * advanced and interview exercises.
 */
export const INTERVIEW_LEVELS = {
  junior: { difficulties: [1, 2, 3], exercises: ["intermediate", "interview"] },
  senior: { difficulties: [2, 3, 4], exercises: ["advanced", "interview"] },
} as const;
export type TInterviewLevel = keyof typeof INTERVIEW_LEVELS;
export const LEVEL_NAMES = Object.keys(INTERVIEW_LEVELS) as [TInterviewLevel, ...TInterviewLevel[]];

/** A question is worth 1 point, a coding task 4 (its score, 0 to 1, times 4). */
export const QUESTION_POINTS = 1;
export const TASK_POINTS = 4;

/** A concept is "strong" at this share of its points or more, "needs work" below. */
export const STRONG_SHARE = 0.7;

/** Seconds of one stretch on an item counted at most: a laptop asleep on a question is not time spent on it. */
export const FOCUS_STRETCH_MAX_SECONDS = 30;
/** Another tab that reported within this many seconds is "open" too. */
export const OTHER_TAB_SECONDS = 20;
