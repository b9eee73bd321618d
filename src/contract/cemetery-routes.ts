import * as z from 'zod/mini';
import { Id } from './common.js';
import {
  AdminGravePage, AdminGraveQuery, Cemetery, CemeteryListQuery, CemeteryPage, Grave, GraveListQuery, GravePage, GravePhotoUpload,
} from './cemetery.js';

const IdParam = z.object({ id: Id });

/** Cemeteries, graves and grave photos; spread into `routes` (routes.ts). */
export const cemeteryRoutes = {
  listCemeteries: {
    method: 'GET', path: '/cemeteries', tag: 'cemeteries', summary: 'Cemeteries by name, optionally in a region (GB/T 2260 prefix) or of a level',
    query: CemeteryListQuery, response: CemeteryPage, status: 200,
  },
  getCemetery: {
    method: 'GET', path: '/cemeteries/{id}', tag: 'cemeteries', summary: 'A cemetery with its sections (墓区) and their layout, and the phone for 代为祭扫',
    params: IdParam, response: Cemetery, status: 200,
  },
  listGraves: {
    method: 'GET', path: '/cemeteries/{id}/graves', tag: 'cemeteries', summary: 'Graves in walking order (section, row, number), paged',
    params: IdParam, query: GraveListQuery, response: GravePage, status: 200,
  },
  getGrave: {
    method: 'GET', path: '/graves/{id}', tag: 'cemeteries', summary: 'One grave: who lies there (none for 无名烈士墓, several for 合葬墓), inscription, photos',
    params: IdParam, response: Grave, status: 200,
  },
  adminListGraves: {
    method: 'GET', path: '/admin/graves', tag: 'admin', summary: 'Graves per cemetery and section; `missingPhoto=true` lists those still to photograph',
    query: AdminGraveQuery, response: AdminGravePage, status: 200, admin: true,
  },
  adminAddGravePhotos: {
    method: 'POST', path: '/admin/graves/{id}/photos', tag: 'admin',
    summary: 'Upload grave photos (multipart/form-data, field `photo`, one or more JPEG/PNG/WebP files)',
    params: IdParam, multipart: { field: 'photo', accept: ['image/jpeg', 'image/png', 'image/webp'] }, response: GravePhotoUpload, status: 201, alsoStatus: [200], admin: true,
  },
} as const;
