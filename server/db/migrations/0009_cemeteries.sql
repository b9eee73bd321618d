-- Cemeteries, their sections (墓区) and graves, and the photos of graves (server/cemeteries/,
-- server/photos/). A martyr lies in at most one grave: grave_martyrs is keyed by the martyr.

CREATE TABLE cemeteries (
  id text PRIMARY KEY,
  name text NOT NULL CHECK (name <> ''),
  -- The national platform's scheme: 1 national, 2 provincial, 3 city, 4 county, 5 unrated.
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  region_code char(6) CHECK (region_code ~ '^[0-9]{6}$'),
  address text,
  -- Published for 代为祭扫 (sweeping on behalf of families who cannot come).
  contact_phone text,
  visiting_notes text,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX cemeteries_region_idx ON cemeteries (region_code);
CREATE INDEX cemeteries_name_idx ON cemeteries (name COLLATE "C", id COLLATE "C");

CREATE TABLE cemetery_sections (
  id text PRIMARY KEY,
  cemetery_id text NOT NULL REFERENCES cemeteries(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (name <> ''),
  -- How staff may write the name in a file (一区, 1区, 01 and 1 are one section): see section-key.ts.
  key text COLLATE "C" NOT NULL,
  sort_order int NOT NULL,
  -- The layout as the ground lies: rows × positions per row.
  rows int NOT NULL CHECK (rows BETWEEN 1 AND 10000),
  positions int NOT NULL CHECK (positions BETWEEN 1 AND 10000),
  UNIQUE (cemetery_id, key),
  UNIQUE (id, cemetery_id)
);
CREATE INDEX cemetery_sections_order_idx ON cemetery_sections (cemetery_id, sort_order, id COLLATE "C");

CREATE TABLE graves (
  id text PRIMARY KEY,
  cemetery_id text NOT NULL REFERENCES cemeteries(id) ON DELETE CASCADE,
  section_id text NOT NULL,
  row_no int NOT NULL CHECK (row_no >= 1),
  number int NOT NULL CHECK (number >= 1),
  inscription text,
  sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The section must belong to the same cemetery.
  FOREIGN KEY (section_id, cemetery_id) REFERENCES cemetery_sections(id, cemetery_id) ON DELETE CASCADE,
  UNIQUE (section_id, row_no, number)
);
CREATE INDEX graves_cemetery_idx ON graves (cemetery_id);

-- Zero rows for a grave: 无名烈士墓; several: 合葬墓. The primary key is the martyr: one grave each.
CREATE TABLE grave_martyrs (
  martyr_id text PRIMARY KEY REFERENCES martyrs(id) ON DELETE CASCADE,
  grave_id text NOT NULL REFERENCES graves(id) ON DELETE CASCADE,
  sort_order int NOT NULL DEFAULT 0
);
CREATE INDEX grave_martyrs_grave_idx ON grave_martyrs (grave_id, sort_order);

-- One row per distinct uploaded image (by content hash), whatever it is attached to.
CREATE TABLE photos (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
  width int NOT NULL,
  height int NOT NULL,
  widths int[] NOT NULL,
  source_bytes int NOT NULL,
  sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The encoded variants, when photos are stored in the database (the default PhotoStore).
CREATE TABLE photo_files (
  photo_id text NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  width int NOT NULL,
  format text NOT NULL CHECK (format IN ('webp', 'jpeg')),
  bytes bytea NOT NULL,
  PRIMARY KEY (photo_id, width, format)
);

CREATE TABLE grave_photos (
  grave_id text NOT NULL REFERENCES graves(id) ON DELETE CASCADE,
  photo_id text NOT NULL REFERENCES photos(id),
  sort_order int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (grave_id, photo_id)
);
CREATE INDEX grave_photos_photo_idx ON grave_photos (photo_id);
