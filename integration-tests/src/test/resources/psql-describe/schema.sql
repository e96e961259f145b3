CREATE TABLE authors (id integer PRIMARY KEY, name text NOT NULL, email varchar(100) UNIQUE);
CREATE TABLE books (id integer PRIMARY KEY, author_id integer NOT NULL REFERENCES authors (id), title text NOT NULL, pages integer DEFAULT 0 CHECK (pages >= 0), price numeric(8,2), published boolean DEFAULT false, CONSTRAINT books_pages_sane CHECK (pages < 100000));
CREATE TABLE events (id bigserial PRIMARY KEY, book_id integer REFERENCES books (id), happened timestamptz NOT NULL);
CREATE INDEX books_title_idx ON books (title);
CREATE UNIQUE INDEX books_published_title ON books (title) WHERE published;
CREATE VIEW published_books AS SELECT id, title FROM books WHERE published;
CREATE SEQUENCE order_seq START 100 INCREMENT BY 5 MAXVALUE 100000 CACHE 10;
