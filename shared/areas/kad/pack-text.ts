/**
 * The explanatory text the FMR prints above Section 5, word for word as published (August 2023 FMR,
 * Adults, Health and Commissioning), so the pack reads as the appendix committee members know.
 */
export const KAD_INTRO = {
  lead: 'In the following key activity data for Adults & Safeguarding, the information given in each column is as follows:',
  columns: [
    'Budgeted number of care services: this is the number of full-time equivalent (52 weeks) service users anticipated at budget setting',
    'Budgeted average unit cost: this is the planned unit cost per service user per week, given the budget available',
    'Actual care services and cost: these reflect current numbers of service users and average cost; they represent a real time snapshot of service-user information.',
  ],
  greyed: 'A consistent format is used to aid understanding, and where care types are not currently used in a particular service those lines are greyed out.',
  dot: "The direction of travel (DoT) compares the current month's figure with the previous month.",
  tieBack:
    'The activity data for a given service will not directly tie back to its outturn reported in Appendix 1. This is because the detailed variance includes other areas of spend, such as care services which have ended and staffing costs, as well as the activity data including some care costs that sit within Commissioning budgets.',
} as const;

/**
 * Said once under the DoT paragraph when last month is not held, so the arrows are the ones reported
 * (CONVENTIONS.md). In the council's voice: a committee document never names the software.
 */
export function reportedDotNote(previousMonthLabel: string): string {
  return `The direction-of-travel arrows against ${previousMonthLabel} are as previously reported.`;
}
