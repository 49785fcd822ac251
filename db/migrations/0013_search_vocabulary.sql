-- Custom SQL migration file, put your code below! ---- The words posts are written in, unstemmed, for "Did you mean …?". Contentless (posts hold the text) and
-- detail=none (only which post has which word), so it stays small; kept in step by triggers.
CREATE VIRTUAL TABLE `posts_words` USING fts5(text, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `posts_words` (rowid, text) SELECT id, title || ' ' || excerpt || ' ' || body FROM posts;
--> statement-breakpoint
-- One row per (word, post), so the vocabulary can be limited to posts readers can see.
CREATE VIRTUAL TABLE `posts_words_vocab` USING fts5vocab(posts_words, 'instance');
--> statement-breakpoint
CREATE TRIGGER `posts_words_insert` AFTER INSERT ON `posts` BEGIN
  INSERT INTO posts_words (rowid, text) VALUES (new.id, new.title || ' ' || new.excerpt || ' ' || new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_words_update` AFTER UPDATE OF title, excerpt, body ON `posts` BEGIN
  DELETE FROM posts_words WHERE rowid = old.id;
  INSERT INTO posts_words (rowid, text) VALUES (new.id, new.title || ' ' || new.excerpt || ' ' || new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_words_delete` AFTER DELETE ON `posts` BEGIN
  DELETE FROM posts_words WHERE rowid = old.id;
END;
