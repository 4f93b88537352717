import { describe, expectTypeOf, it } from 'vitest'
import type {
  Activity,
  CatalogTree,
  Context,
  DeprecatedMethodsOf,
  MethodsOf,
  ParamsOf,
  Pattern,
  Person,
  ResponseOf,
  RouteOf,
  RouteSpec,
  SecurityRoles,
} from '../src/index.js'
import { catalog } from '../src/index.js'

describe('catalog types', () => {
  it('lists patterns and rejects misspelt ones', () => {
    expectTypeOf<'/people/{username}/activities'>().toExtend<Pattern>()
    expectTypeOf<'/contexts/public'>().toExtend<Pattern>()
    expectTypeOf<'/people/{username}/activitiez'>().not.toExtend<Pattern>()
    expectTypeOf<'/people/{user}'>().not.toExtend<Pattern>()
  })

  it('offers exactly the methods the server implements', () => {
    expectTypeOf<MethodsOf<'/people'>>().toEqualTypeOf<'GET' | 'POST'>()
    expectTypeOf<MethodsOf<'/activities'>>().toEqualTypeOf<'GET' | 'HEAD'>()
    expectTypeOf<MethodsOf<'/people/{username}/timeline'>>().toEqualTypeOf<'GET'>()
    expectTypeOf<MethodsOf<'/people/{username}'>>().toEqualTypeOf<'GET' | 'PUT' | 'DELETE' | 'POST'>()
    expectTypeOf<DeprecatedMethodsOf<'/people/{username}'>>().toEqualTypeOf<'POST'>()
    expectTypeOf<DeprecatedMethodsOf<'/people'>>().toEqualTypeOf<never>()
  })

  it('keeps the catalog data literal and checked against RouteSpec', () => {
    expectTypeOf(catalog).toExtend<readonly RouteSpec[]>()
    expectTypeOf<RouteOf<'/people'>['id']>().toEqualTypeOf<'users'>()
    expectTypeOf<RouteOf<'/info'>['methods']['GET']['permission']>().toEqualTypeOf<'Anonymous'>()
    // @ts-expect-error not a pattern of the catalog
    type _Unknown = MethodsOf<'/peoples'>
  })

  it('types path parameters from the pattern', () => {
    expectTypeOf<ParamsOf<'/contexts/{hash}/permissions/{username}/{permission}'>>().toEqualTypeOf<{
      hash: string
      username: string
      permission: string
    }>()
    expectTypeOf<ParamsOf<'/info'>>().toEqualTypeOf<{}>()
    // @ts-expect-error misspelt parameter name
    const _wrong: ParamsOf<'/people/{username}'> = { usernme: 'x' }
  })

  it('types responses from the catalog models', () => {
    expectTypeOf<ResponseOf<'/people/{username}', 'GET'>>().toEqualTypeOf<Person>()
    expectTypeOf<ResponseOf<'/people/{username}/activities', 'GET'>>().toEqualTypeOf<Activity[]>()
    expectTypeOf<ResponseOf<'/people/{username}/activities', 'HEAD'>>().toEqualTypeOf<number>()
    expectTypeOf<ResponseOf<'/contexts', 'POST'>>().toEqualTypeOf<Context>()
    expectTypeOf<ResponseOf<'/admin/security', 'GET'>>().toEqualTypeOf<SecurityRoles>()
    expectTypeOf<ResponseOf<'/people/{username}', 'DELETE'>>().toEqualTypeOf<null>()
    expectTypeOf<ResponseOf<'/contexts/{hash}/tags', 'GET'>>().toEqualTypeOf<string[]>()
    expectTypeOf<ResponseOf<'/contexts/{hash}/tags', 'DELETE'>>().toEqualTypeOf<never[]>()
    expectTypeOf<ResponseOf<'/people', 'GET'>[number]['username']>().toEqualTypeOf<string>()
    // @ts-expect-error /people answers no DELETE
    type _NoDelete = ResponseOf<'/people', 'DELETE'>
    // @ts-expect-error HEAD only where the GET counts
    type _NoHead = ResponseOf<'/people/{username}/timeline', 'HEAD'>
  })

  it('builds a route tree where good paths type-check and misspelt ones do not', () => {
    type Activities = CatalogTree['people']['$var']['activities']
    expectTypeOf<Activities['$pattern']>().toEqualTypeOf<'/people/{username}/activities'>()
    expectTypeOf<Activities['$methods']>().toEqualTypeOf<'GET' | 'POST' | 'HEAD'>()
    expectTypeOf<CatalogTree['people']['$var']['$param']>().toEqualTypeOf<'username'>()
    expectTypeOf<CatalogTree['contexts']['public']['$methods']>().toEqualTypeOf<'GET'>()
    expectTypeOf<CatalogTree['contexts']['$var']['$param']>().toEqualTypeOf<'hash'>()
    expectTypeOf<
      CatalogTree['contexts']['$var']['permissions']['$var']['defaults']['$pattern']
    >().toEqualTypeOf<'/contexts/{hash}/permissions/{username}/defaults'>()
    expectTypeOf<CatalogTree['admin']['security']['roles']['$methods']>().toEqualTypeOf<never>()
    expectTypeOf<CatalogTree['info']['api']['$methods']>().toEqualTypeOf<'GET'>()

    // @ts-expect-error misspelt segment
    type _Typo = CatalogTree['people']['$var']['activitiez']
    // @ts-expect-error no such top-level collection
    type _Peoples = CatalogTree['peoples']
    // @ts-expect-error /info has no variable child
    type _NoVar = CatalogTree['info']['$var']
  })
})
