// compose.yaml for local development: the API, its Postgres and its Redis. Edit the YAML inside the string.
export const compose = `
services:
  api:
    build: .
    ports:
      - "3000:3000"
    environment:
      PGHOST: localhost
      PGPASSWORD: example
  db:
    image: postgres
    ports:
      - "5432:5432"
    environment:
      POSTGRES_PASSWORD: example
`;
