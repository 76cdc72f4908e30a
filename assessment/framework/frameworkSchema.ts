import { z } from "zod";

/**
 * The shape every self-assessment framework file must have. Baker & Dixon 2020 is the default,
 * but other self-assessments share this shape (areas of lettered statements rated on a scale,
 * plus a global score per area), so the bot is driven entirely by this data.
 */
export const ratingValueSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type RatingValue = z.infer<typeof ratingValueSchema>;

export const ratingLevelSchema = z.object({
  value: ratingValueSchema,
  /** Column heading in the framework, e.g. "Agree at present". */
  label: z.string().min(1),
  /** Short label used in the guide, e.g. "Agree". */
  shortLabel: z.string().min(1),
  /** The framework's guide to the strength of evidence this rating needs. */
  guide: z.string().min(1),
});
export type RatingLevel = z.infer<typeof ratingLevelSchema>;

export const statementIdSchema = z
  .string()
  .regex(/^[1-9][0-9]?[a-z]$/, "a statement id is the area number and a letter, e.g. 7a");
export type StatementId = z.infer<typeof statementIdSchema>;

export const statementSchema = z.object({
  id: statementIdSchema,
  letter: z.string().regex(/^[a-z]$/),
  text: z.string().min(1),
});
export type Statement = z.infer<typeof statementSchema>;

export const areaSchema = z.object({
  number: z.number().int().min(1).max(99),
  title: z.string().min(1),
  /** The area's wording in the framework's final "global rating" section (listed there in another order). */
  globalLine: z.string().min(1),
  statements: z.array(statementSchema).min(1),
});
export type Area = z.infer<typeof areaSchema>;

export const frameworkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string().min(1),
    title: z.string().min(1),
    source: z.string().min(1),
    /** The prompt above every statement table, e.g. "Thinking about leaving care support at present…". */
    statementPrompt: z.string().min(1),
    evidencePrompt: z.string().min(1),
    ideasPrompt: z.string().min(1),
    globalScorePrompt: z.string().min(1),
    /** Words before each area's global line, e.g. "We would rate our current performance in...". */
    globalLinePrefix: z.string().min(1),
    globalScoreMax: z.number().int().min(1).max(100),
    /** Highest value first, as the framework's columns read. */
    scale: z.array(ratingLevelSchema).length(4),
    areas: z.array(areaSchema).min(1),
  })
  .superRefine((framework, ctx) => {
    // Lookups by rating value and "highest first" rendering both rely on each value appearing once, in order.
    framework.scale.forEach((level, levelIndex) => {
      const expectedValue = framework.scale.length - levelIndex;
      if (level.value !== expectedValue) {
        ctx.addIssue({
          code: "custom",
          path: ["scale", levelIndex, "value"],
          message: `expected value ${expectedValue} (highest first)`,
        });
      }
    });
    framework.areas.forEach((area, areaIndex) => {
      if (area.number !== areaIndex + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["areas", areaIndex, "number"],
          message: `expected area number ${areaIndex + 1}`,
        });
      }
      area.statements.forEach((statement, statementIndex) => {
        const expectedLetter = String.fromCharCode(97 + statementIndex);
        const expectedId = `${area.number}${expectedLetter}`;
        if (statement.letter !== expectedLetter || statement.id !== expectedId) {
          ctx.addIssue({
            code: "custom",
            path: ["areas", areaIndex, "statements", statementIndex, "id"],
            message: `expected id ${expectedId} (letter ${expectedLetter})`,
          });
        }
      });
    });
  });
export type Framework = z.infer<typeof frameworkSchema>;
