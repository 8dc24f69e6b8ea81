// Types of course.mjs for the TypeScript tests that use the generator.
export declare const SAMPLE_NAME: string;
export declare const SAMPLE_PATH: string;
export declare const SAMPLE: string;
export interface GeneratedLesson {
  /** Relative to the course folder: module-MM/unit-UU/Lm.u.l-slug.md */
  path: string;
  text: string;
}
export declare function generateCourse(count: number, options?: { seed?: number; defectRate?: number }): GeneratedLesson[];
/** Writes the course into `folder` and returns the absolute paths in course order. */
export declare function writeCourse(folder: string, count: number, options?: { seed?: number; defectRate?: number }): string[];
export declare function bigLesson(bytes: number, seed?: number): string;
