/** The grid's keyboard shortcuts as the Help page lists them (Cmd replaces Ctrl on a Mac). */
export const SHORTCUTS: readonly { keys: string[][]; does: string }[] = [
  { keys: [['Enter'], ['F2']], does: 'Edit the selected cell; Enter again saves it. Typing a number starts an edit too.' },
  { keys: [['Esc']], does: 'Cancel the edit and keep the figure as it was.' },
  { keys: [['Ctrl', 'Z']], does: 'Undo the last change (a whole paste or fill is one step). Undo survives closing Outturn.' },
  { keys: [['Ctrl', 'Y'], ['Ctrl', 'Shift', 'Z']], does: 'Redo what was undone.' },
  { keys: [['Shift', 'click'], ['Shift', 'arrow keys']], does: 'Select a block of cells.' },
  { keys: [['Ctrl', 'C']], does: 'Copy the selected cells as text Excel can paste (tab-separated).' },
  { keys: [['Ctrl', 'V']], does: 'Paste a block copied from Excel or from the published tables. It lands column for column from the selected cell; arrows over the DoT columns are skipped. Every cell is checked first: if any is not valid, or a figure would land on an arrow or a calculated column, nothing is changed and the message names the cell.' },
  { keys: [['Ctrl', 'D']], does: 'Fill down: copy the top cell of the selection into the cells below it.' },
  { keys: [['Delete']], does: 'Clear the selected cells (a blank is not zero: it stays blank).' },
  { keys: [['Ctrl', 'Shift', 'H'], ['right-click']], does: 'Show the history of the cell: every change, who made it and when, from what to what, how (typed, pasted, imported, undone), and the file for an import.' },
];
