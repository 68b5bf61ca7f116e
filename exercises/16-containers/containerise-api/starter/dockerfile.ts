// The Dockerfile and .dockerignore at the root of the build context. Edit the text inside the strings.
export const dockerfile = `
FROM node
WORKDIR /app
COPY . .
RUN npm install
RUN npm run build
CMD npm start
`;

export const dockerignore = `
`;
