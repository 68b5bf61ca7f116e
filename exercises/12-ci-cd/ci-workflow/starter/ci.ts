// The workflow GitHub would read from .github/workflows/ci.yml. Edit the YAML inside the string.
// `${{ … }}` is GitHub's expression syntax; inside a JS template string it must be written `\${{ … }}`.
export const workflow = `
name: CI
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm install
      - run: npm test
`;
