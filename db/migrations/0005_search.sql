-- Custom SQL migration file, put your code below! ---- Full-text search over posts (title, excerpt, body, tag names), kept in step by triggers.
CREATE VIRTUAL TABLE `posts_fts` USING fts5(title, excerpt, body, tags, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `posts_fts` (rowid, title, excerpt, body, tags)
  SELECT p.id, p.title, p.excerpt, p.body,
    coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id), '')
  FROM posts p;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_insert` AFTER INSERT ON `posts` BEGIN
  INSERT INTO posts_fts (rowid, title, excerpt, body, tags) VALUES (new.id, new.title, new.excerpt, new.body, '');
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_update` AFTER UPDATE OF title, excerpt, body ON `posts` BEGIN
  UPDATE posts_fts SET title = new.title, excerpt = new.excerpt, body = new.body WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_delete` AFTER DELETE ON `posts` BEGIN
  DELETE FROM posts_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_tag_added` AFTER INSERT ON `post_tags` BEGIN
  UPDATE posts_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = new.post_id), '') WHERE rowid = new.post_id;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_tag_removed` AFTER DELETE ON `post_tags` BEGIN
  UPDATE posts_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = old.post_id), '') WHERE rowid = old.post_id;
END;
