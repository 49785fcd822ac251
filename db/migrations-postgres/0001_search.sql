-- Custom SQL migration file, put your code below! --
-- Full-text search over posts (title, tags, excerpt, body), the PostgreSQL counterpart of SQLite's posts_fts:
-- one tsvector per post in posts_search, weighted like bm25's (title A, tags B, excerpt C, body D), indexed
-- with GIN, kept current by triggers on posts, post_tags and tags. Accents do not matter ("lodz" finds
-- "Łódź"): the hearth_search configuration runs unaccent before English stemming (SQLite: porter +
-- remove_diacritics). unaccent is a trusted extension, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION hearth_search (COPY = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION hearth_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
CREATE TABLE posts_search (
  post_id integer PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
  document tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX posts_search_document_idx ON posts_search USING gin (document);
--> statement-breakpoint
CREATE FUNCTION hearth_post_document(post integer) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('hearth_search', p.title), 'A')
      || setweight(to_tsvector('hearth_search', coalesce((SELECT string_agg(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = p.id), '')), 'B')
      || setweight(to_tsvector('hearth_search', p.excerpt), 'C')
      || setweight(to_tsvector('hearth_search', p.body), 'D')
  FROM posts p WHERE p.id = post
$$;
--> statement-breakpoint
-- A post that is gone (its tags are deleted by the same cascade) gets no row back.
CREATE FUNCTION hearth_refresh_post_search(post integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO posts_search (post_id, document)
  SELECT p.id, hearth_post_document(p.id) FROM posts p WHERE p.id = post
  ON CONFLICT (post_id) DO UPDATE SET document = excluded.document
$$;
--> statement-breakpoint
CREATE FUNCTION posts_search_post_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hearth_refresh_post_search(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER posts_search_post AFTER INSERT OR UPDATE OF title, excerpt, body ON posts
  FOR EACH ROW EXECUTE FUNCTION posts_search_post_changed();
--> statement-breakpoint
CREATE FUNCTION posts_search_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM hearth_refresh_post_search(OLD.post_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM hearth_refresh_post_search(NEW.post_id); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER posts_search_post_tags AFTER INSERT OR UPDATE OR DELETE ON post_tags
  FOR EACH ROW EXECUTE FUNCTION posts_search_tags_changed();
--> statement-breakpoint
-- A renamed tag changes the words of every post that has it.
CREATE FUNCTION posts_search_tag_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM hearth_refresh_post_search(pt.post_id) FROM post_tags pt WHERE pt.tag_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER posts_search_tag_name AFTER UPDATE OF name ON tags
  FOR EACH ROW EXECUTE FUNCTION posts_search_tag_renamed();
