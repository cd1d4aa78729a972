// The question bank's file in the build: `quiz-en-<hash of its bytes>.json`.
import { readdirSync } from 'node:fs';

export const BANK = readdirSync(new URL('../../dist/', import.meta.url)).find((name) => /^quiz-en-[0-9a-f]{16}\.json$/.test(name));

/** The Traditional Chinese bank: `quiz-zh-TW-<hash>.json`. */
export const BANK_ZH_TW = readdirSync(new URL('../../dist/', import.meta.url)).find((name) => /^quiz-zh-TW-[0-9a-f]{16}\.json$/.test(name));
