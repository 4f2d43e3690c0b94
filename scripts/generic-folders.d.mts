export declare const GENERIC_GLOBS: readonly string[];
export declare const GENERIC_PATHS: readonly ({ dir: string; recursive: boolean } | { file: string })[];
