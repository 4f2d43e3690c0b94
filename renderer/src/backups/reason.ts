/**
 * Backups made by this version carry their reason as written ("before import of September.xlsx"); older
 * ones only a slug from the file name ("before import of september xlsx"), whose extension dot this puts back.
 */
export function reasonText(reason: string): string {
  const text = reason.replace(/ (xlsx|csv)$/, '.$1');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
