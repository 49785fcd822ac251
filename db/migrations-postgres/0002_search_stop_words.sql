-- Custom SQL migration file, put your code below! --
-- Search keeps every word, as SQLite's FTS5 does: the english_stem dictionary drops stop words ("the", "can",
-- "t", "s"), so "can't" ("can" then "t"), "Sjögren’s" and a search for "the" could find nothing. hearth_stem
-- stems the same way with no stop word list; every word type is mapped through unaccent first. Hyphenated words
-- are indexed as their parts only, as FTS5 does: the whole "O’Brien-Ñúñez" took a position of its own, so the
-- phrase "o brien" (how "O’Brien" is searched) never matched it.
CREATE TEXT SEARCH DICTIONARY hearth_stem (TEMPLATE = snowball, Language = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hearth_search ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, hearth_stem;
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hearth_search DROP MAPPING FOR asciihword, hword, numhword;
--> statement-breakpoint
-- The documents already indexed were made without those words.
UPDATE posts_search SET document = hearth_post_document(post_id);
