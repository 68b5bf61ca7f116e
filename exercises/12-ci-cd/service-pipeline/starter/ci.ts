// The workflow GitHub would read from .github/workflows/service.yml. `${{ … }}` must be written
// `\${{ … }}` inside this JavaScript template string.
export const workflow = `
name: service
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm ci
      - run: npm run build
      - run: npm test
`;
