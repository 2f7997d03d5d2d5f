export const SPEEDS = [1, 2, 5, 10] as const;
