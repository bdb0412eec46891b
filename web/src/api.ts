// Client of the workbench's JSON API (src/server/app.ts). The access token, when the server has one, comes from
// the address the server printed (#token=…) and is kept for the browser session.
import type { Scenario } from '../../src/scenario/types.js';
import type { DimensionSummary } from '../../src/analysis/aggregate.js';
import type { StoredRun, StoredRunSummary } from '../../src/store/records.js';

export interface Issue {
  file?: string;
  line?: number;
  path?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(message: string, public readonly issues: Issue[] = [], public readonly status = 0) {
    super(message);
  }
}

function token(): string | null {
  const m = /[#&]token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem('fulcrum-token', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('fulcrum-token');
}

function headers(json: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  if (json) h['content-type'] = 'application/json';
  const t = token();
  if (t) h.authorization = `Bearer ${t}`;
  return h;
}

async function check(res: Response): Promise<Response> {
  if (res.ok) return res;
  let body: { error?: string; issues?: Issue[] } = {};
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  throw new ApiError(body.error ?? `${res.status} ${res.statusText}`, body.issues ?? [], res.status);
}

export async function get<T>(path: string): Promise<T> {
  return (await check(await fetch(path, { headers: headers(false) }))).json() as Promise<T>;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return (await check(await fetch(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body) }))).json() as Promise<T>;
}

export async function postBlob(path: string, body: unknown): Promise<Blob> {
  return (await check(await fetch(path, { method: 'POST', headers: headers(true), body: JSON.stringify(body) }))).blob();
}

export interface ScenarioListItem {
  name: string;
  title?: string;
  source: 'builtin' | 'saved';
  version?: number;
  savedAt?: string;
}

export interface OptionSpec {
  name: string;
  type: 'number' | 'enum' | 'boolean' | 'optional-number';
  default: unknown;
  values?: string[];
  doc: string;
}

export interface EngineInfo {
  name: string;
  title: string;
  description: string;
  options: OptionSpec[];
}

export interface RunResponse {
  scenario: Scenario;
  warnings: Issue[];
  results: {
    engine: string;
    options: Record<string, unknown>;
    rounds: { positions: number[][] }[];
    forecast: { position: number[] };
    stop: { reason: string; rounds: number };
    described: string[];
  }[];
}

export interface McSummary {
  engine: string;
  runs: number;
  completed: number;
  seed: number;
  dimensions: DimensionSummary[];
}

export interface KeyActorsResult {
  engine: string;
  base: number[];
  shift: number;
  actors: { actor: string; name: string; without: number[] | null; up: number[]; down: number[]; influence: number }[];
}

export interface SensitivityResult {
  engine: string;
  base: number[];
  items: { actor: string; name: string; field: string; dimension?: string; low: number; high: number; forecastLow: number[]; forecastHigh: number[]; effect: number }[];
}

export interface WhatIfResponse {
  shocks: string[];
  rows: { engine: string; base: number[]; shocked: number[]; diff: number[] }[];
  warnings: string[];
}

export interface ScenarioVersion {
  version: number;
  title: string;
  savedAt: string;
}

/** A saved run as listed by the API (the store's record, src/store/records.ts). */
export type SavedRunSummary = StoredRunSummary;

/** A saved run with its content; the scenario is in its native form. */
export type SavedRun = Omit<StoredRun, 'scenario'> & { scenario: Record<string, unknown> };

export interface ReplayResponse {
  states: { label: string; shock?: { id: string; title: string; date?: string }; forecasts: { engine: string; position: number[] }[] }[];
  warnings: string[];
}
