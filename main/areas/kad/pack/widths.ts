/** The KAD table's columns A–K in characters: wide enough for "Accommodation based subtotal" and "-£1,459k" at 10pt. */
export const KAD_COLUMN_WIDTHS = [34, 13, 13, 13, 12, 6, 13, 6, 13, 6, 12] as const;
