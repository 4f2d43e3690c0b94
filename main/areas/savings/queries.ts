/**
 * What other areas may read and do of the Savings Tracker (the one file they may import, by lint rule).
 * The year-end rollover offers every unachieved saving for carry-forward: it lists them with
 * `unachievedSavings`, then calls `carryForwardSavings` inside its own Workspace.write for those chosen.
 */
export { unachievedLines as unachievedSavings, carryForwardInto as carryForwardSavings, nextFinancialYear } from './carry';
export { trackerLines as savingsForMonth } from './service';
