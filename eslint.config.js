// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layering rules are the documentation of which code may run where (see docs/ARCHITECTURE.md):
// shared/ runs anywhere; renderer/ is a browser page; electron/services/ is Node without Electron;
// server/ is the central server. A violation fails `npm run lint`, and so `npm test`.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layer = (message) => (group) => ({ group, message });

const otherLayers = (...names) => names.map((name) => `**/${name}/**`);

const sharedRule = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node built-ins.' })),
    { name: 'electron', message: 'shared/ is pure TypeScript: no Electron.' },
    { name: 'react', message: 'shared/ is pure TypeScript: no React.' },
    { name: 'react-dom', message: 'shared/ is pure TypeScript: no React.' },
  ],
  patterns: [layer('shared/ imports nothing from electron/, renderer/ or server/.')(otherLayers('electron', 'renderer', 'server'))],
};

const rendererRule = {
  paths: [
    ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ is a browser page: no Node built-ins; ask the host through the contract.' })),
    { name: 'electron', message: 'renderer/ talks to the host only through the contract (renderer/src/host).' },
  ],
  patterns: [layer('renderer/ imports only shared/ (and its own files): no electron/ or server/ code.')(otherLayers('electron', 'server'))],
};

const servicesRule = {
  paths: [{ name: 'electron', message: 'electron/services/ is host-agnostic: no electron import (the web host and tests reuse it).' }],
  patterns: [layer('electron/services/ imports shared/ only, never renderer/ or server/.')(otherLayers('renderer', 'server'))],
};

const hostsRule = {
  patterns: [layer('the hosts import shared/ and electron/services/, never renderer/ or server/.')(otherLayers('renderer', 'server'))],
};

const serverRule = {
  paths: [{ name: 'electron', message: 'server/ is the central server: no Electron.' }],
  patterns: [layer('server/ imports shared/ only, never electron/ or renderer/.')(otherLayers('electron', 'renderer'))],
};

/** DOM and Node globals that pure shared code must not touch. */
const impureGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map(
  (name) => ({ name, message: 'shared/ is pure TypeScript: pass it in instead.' }),
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/lint-fixtures/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', sharedRule], 'no-restricted-globals': ['error', ...impureGlobals] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', rendererRule] },
  },
  { files: ['electron/services/**/*.ts'], rules: { 'no-restricted-imports': ['error', servicesRule] } },
  { files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'electron/web/**/*.ts'], rules: { 'no-restricted-imports': ['error', hostsRule] } },
  { files: ['server/**/*.ts'], rules: { 'no-restricted-imports': ['error', serverRule] } },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
