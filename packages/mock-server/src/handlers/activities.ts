import {
  bodyObject,
  type Ctx,
  empty,
  type Handler,
  isManager,
  json,
  listAnswer,
  objectField,
  pathActivity,
  pathContext,
  pathPerson,
  requirePermission,
  requireSelfOrManager,
  stringField,
} from '../context.js'
import { canReadActivity, contextFamily, cursorKey, sortActivities } from '../domain.js'
import { badRequest, MaxApiError, missingField, notFound, validationError } from '../errors.js'
import type { ActivityRecord, ActorRef, ContextRecord, ObjectRecord } from '../model.js'
import { canOnContext, findSubscription, subscriptionPermissions } from '../permissions.js'
import { pageByPosition, pageOf, parseSearch, passesDateFilter, type SearchParams } from '../search.js'
import type { Store } from '../store.js'
import { formatDate, hashtagsOf, keywordsOf, sanitizeContent } from '../text.js'
import { activityView, commentsOf, commentView, personRef } from '../views.js'
import { attachment, storeUpload } from './files.js'

const ACTIVITY_OBJECT_TYPES = new Set(['note', 'image', 'file'])
const PUBLISHED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

/** Builds the object of a new activity or message from the body, attaching an uploaded file. */
export function objectFromBody(
  ctx: Ctx,
  body: Record<string, unknown>,
  allowed: ReadonlySet<string>,
): { object: ObjectRecord; upload?: Ctx['files'][number] } {
  const source = objectField(body, 'object')
  if (!source) throw missingField('object')
  const objectType = stringField(source, 'objectType')
  if (!objectType) throw missingField('objectType')
  if (!allowed.has(objectType))
    throw new MaxApiError(
      400,
      'ObjectNotSupported',
      `Object type "${objectType}" is not supported here; use one of ${[...allowed].join(', ')}`,
    )
  const content = stringField(source, 'content')
  if ((objectType === 'note' || objectType === 'comment') && (!content || content.trim() === ''))
    throw missingField('content')
  const object: ObjectRecord = { objectType }
  if (content !== undefined) object.content = sanitizeContent(content)
  const filename = stringField(source, 'filename')
  if (filename) object.filename = filename
  if (source.mobile === true) object.mobile = true
  if (objectType !== 'image' && objectType !== 'file') return { object }
  const upload = ctx.files.find((f) => f.field === 'file')
  if (!upload) return { object }
  object.mimetype = upload.mimetype
  if (!object.filename && upload.filename) object.filename = upload.filename
  return { object, upload }
}

/** Reads the optional `published` date of a body (MAX requires the RFC 3339 UTC form). */
export function publishedFromBody(ctx: Ctx, body: Record<string, unknown>): string {
  if (body.published === undefined || body.published === null) return formatDate(ctx.store.now())
  if (typeof body.published !== 'string' || !PUBLISHED.test(body.published))
    throw validationError(
      `published must look like YYYY-MM-DDTHH:MM:SSZ, got ${JSON.stringify(body.published)}`,
    )
  return formatDate(new Date(body.published))
}

/** Creates a post activity; answers 200 with the earlier one for a duplicate within a minute. */
function createPost(ctx: Ctx, actor: ActorRef, context: ContextRecord | undefined): Response {
  const { store } = ctx
  const body = bodyObject(ctx)
  const { object, upload } = objectFromBody(ctx, body, ACTIVITY_OBJECT_TYPES)
  const published = publishedFromBody(ctx, body)
  const now = store.now().getTime()
  const sameActor = (a: ActivityRecord) =>
    a.actor.kind === actor.kind &&
    (a.actor.kind === 'person'
      ? a.actor.username === (actor as { username: string }).username
      : a.actor.hash === (actor as { hash: string }).hash)
  for (const existing of store.activities.values()) {
    if (
      existing.verb === 'post' &&
      !upload &&
      sameActor(existing) &&
      existing.context === context?.hash &&
      existing.object.objectType === object.objectType &&
      existing.object.content === object.content &&
      now - new Date(existing.published).getTime() < 60_000
    ) {
      return json(200, activityView(store, existing, ctx.me))
    }
  }
  const id = store.newId()
  if (upload) object.fileId = storeUpload(store, upload, id)
  const generator = typeof body.generator === 'string' ? body.generator : null
  const activity: ActivityRecord = {
    id,
    verb: 'post',
    actor,
    object,
    published,
    creator: ctx.me,
    owner: actor.kind === 'person' ? actor.username : ctx.me,
    generator,
    keywords: keywordsOf(object.content, actor.kind === 'person' ? actor.username : undefined),
    hashtags: hashtagsOf(object.content),
    likes: [],
    favorites: [],
    lastComment: id,
  }
  if (context) activity.context = context.hash
  store.activities.set(id, activity)
  refreshKeywords(store, activity)
  return json(201, activityView(store, activity, ctx.me))
}

/** Words an actor adds to keywords: the username, its dotted parts and the displayName's words. */
function actorWords(store: Store, actor: ActorRef): string[] {
  if (actor.kind !== 'person') return []
  const name = store.people.get(actor.username)?.displayName ?? ''
  return [actor.username, ...actor.username.split('.'), ...name.toLowerCase().split(/\s+/).filter(Boolean)]
}

/** MAX's keywords of a post: its words and actor, plus each comment's words and actor. */
function refreshKeywords(store: Store, activity: ActivityRecord): void {
  const words = new Set([...keywordsOf(activity.object.content), ...actorWords(store, activity.actor)])
  for (const comment of commentsOf(store, activity.id))
    for (const word of [...keywordsOf(comment.object.content), ...actorWords(store, comment.actor)])
      words.add(word)
  activity.keywords = [...words]
}

/** Filters of the shared search parameters that apply to activities. */
function matchesSearch(ctx: Ctx, activity: ActivityRecord, search: SearchParams): boolean {
  if (search.actor && (activity.actor.kind !== 'person' || activity.actor.username !== search.actor))
    return false
  if (!passesDateFilter(activity.published, search.dateFilter)) return false
  if (!search.hashtags.every((h) => activity.hashtags.includes(h))) return false
  if (!search.keywords.every((k) => activity.keywords.includes(k))) return false
  if (search.favorites && !activity.favorites.some((f) => f.username === ctx.actor)) return false
  if (search.contextTags.length > 0) {
    const context = activity.context ? ctx.store.contexts.get(activity.context) : undefined
    if (!context || !search.contextTags.every((t) => context.tags.includes(t))) return false
  }
  return true
}

/** Filters, sorts and pages activities, then answers the list (or its count on HEAD). */
function activityList(ctx: Ctx, activities: ActivityRecord[], render = true): Response {
  const search = parseSearch(ctx.query)
  const sortable =
    ctx.route.pattern === '/people/{username}/timeline' || ctx.route.pattern === '/contexts/{hash}/activities'
  const sort = sortable ? search.sort : 'published'
  const priority = sortable ? search.priority : 'activity'
  const sorted = sortActivities(
    activities.filter((a) => matchesSearch(ctx, a, search)),
    sort,
    priority,
  )
  const page =
    sort === 'published'
      ? pageOf(sorted, search, cursorKey(priority))
      : pageByPosition(sorted, search, (a) => a.id)
  return listAnswer(ctx, page, (a) => (render ? activityView(ctx.store, a, ctx.me) : a))
}

const posts = (ctx: Ctx) => [...ctx.store.activities.values()].filter((a) => a.verb === 'post')
const comments = (ctx: Ctx) => [...ctx.store.activities.values()].filter((a) => a.verb === 'comment')

const listUserActivities: Handler = (ctx) => {
  const person = pathPerson(ctx)
  const contextFilter = ctx.query.get('context')
  return activityList(
    ctx,
    posts(ctx).filter(
      (a) =>
        a.actor.kind === 'person' &&
        a.actor.username === person.username &&
        (!contextFilter || a.context === contextFilter) &&
        canReadActivity(ctx.store, a, ctx.me),
    ),
  )
}

const postUserActivity: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  return createPost(ctx, { kind: 'person', username: person.username }, undefined)
}

/** Own posts plus posts in the contexts the user reads through a subscription. */
function timelineOf(ctx: Ctx, username: string): ActivityRecord[] {
  const person = ctx.store.people.get(username)
  const subscribed = new Set(
    (person?.subscribedTo ?? []).flatMap((sub) => {
      const context = ctx.store.contexts.get(sub.hash)
      return context && canOnContext(ctx.store, username, context, 'read') ? [sub.hash] : []
    }),
  )
  return posts(ctx).filter((a) =>
    a.context ? subscribed.has(a.context) : a.actor.kind === 'person' && a.actor.username === username,
  )
}

const timeline: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  return activityList(ctx, timelineOf(ctx, person.username))
}

/** Distinct authors of the newest activities first, at most `limit` (default 8). */
function authorsAnswer(ctx: Ctx, activities: ActivityRecord[]): Response {
  const search = parseSearch(ctx.query, { defaultLimit: 8 })
  const limit = Math.abs(search.limit) || Number.POSITIVE_INFINITY
  const sorted = sortActivities(activities, 'published', 'activity')
  const authors: Array<Record<string, unknown>> = []
  const seen = new Set<string>()
  for (const activity of sorted) {
    if (authors.length >= limit) break
    if (activity.actor.kind !== 'person' || seen.has(activity.actor.username)) continue
    seen.add(activity.actor.username)
    authors.push(personRef(ctx.store, activity.actor.username))
  }
  return listAnswer(ctx, { items: authors, total: authors.length, hasMore: false }, (a) => a)
}

const timelineAuthors: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  return authorsAnswer(ctx, timelineOf(ctx, person.username))
}

const listUserComments: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  return activityList(
    ctx,
    comments(ctx).filter((c) => c.actor.kind === 'person' && c.actor.username === person.username),
  )
}

/** Manager-only global lists; HEAD counts are open to every authenticated user, as on MAX. */
function requireManagerUnlessHead(ctx: Ctx): void {
  if (ctx.method !== 'HEAD') requirePermission(ctx, isManager(ctx))
}

const listAllComments: Handler = (ctx) => {
  requireManagerUnlessHead(ctx)
  return activityList(ctx, comments(ctx))
}

const listAllActivities: Handler = (ctx) => {
  requireManagerUnlessHead(ctx)
  return activityList(ctx, posts(ctx))
}

/** The activity of the path, readable by the requester (403 otherwise). */
function readableActivity(ctx: Ctx): ActivityRecord {
  const activity = pathActivity(ctx)
  requirePermission(ctx, canReadActivity(ctx.store, activity, ctx.me))
  return activity
}

const getActivity: Handler = (ctx) => json(200, activityView(ctx.store, readableActivity(ctx), ctx.me))

function removeActivity(ctx: Ctx, activity: ActivityRecord): void {
  const { store } = ctx
  for (const comment of commentsOf(store, activity.id)) store.activities.delete(comment.id)
  if (activity.object.fileId) store.files.delete(activity.object.fileId)
  store.activities.delete(activity.id)
  if (activity.inReplyTo) refreshLastComment(ctx, activity.inReplyTo)
}

function refreshLastComment(ctx: Ctx, activityId: string): void {
  const parent = ctx.store.activities.get(activityId)
  if (!parent) return
  const replies = commentsOf(ctx.store, activityId)
  parent.lastComment = replies.at(-1)?.id ?? parent.id
  refreshKeywords(ctx.store, parent)
}

const deleteActivity: Handler = (ctx) => {
  const activity = pathActivity(ctx)
  requirePermission(ctx, canDeleteOrManage(ctx, activity))
  removeActivity(ctx, activity)
  return empty()
}

function canDeleteOrManage(ctx: Ctx, activity: ActivityRecord): boolean {
  if (isManager(ctx) || activity.owner === ctx.me) return true
  const context = activity.context ? ctx.store.contexts.get(activity.context) : undefined
  return context ? canOnContext(ctx.store, ctx.me, context, 'delete') : false
}

const listActivityComments: Handler = (ctx) => {
  const activity = readableActivity(ctx)
  const replies = commentsOf(ctx.store, activity.id)
  return listAnswer(ctx, { items: replies, total: replies.length, hasMore: false }, (c) =>
    commentView(ctx.store, c, ctx.me),
  )
}

const addComment: Handler = (ctx) => {
  const { store } = ctx
  const activity = pathActivity(ctx)
  if (activity.verb !== 'post') throw validationError('Comments can only be added to post activities')
  const context = activity.context ? store.contexts.get(activity.context) : undefined
  const allowed = context ? canOnContext(store, ctx.me, context, 'write') : true
  requirePermission(ctx, allowed && (ctx.actor === ctx.me || isManager(ctx)))
  const body = bodyObject(ctx)
  const { object } = objectFromBody(ctx, body, new Set(['comment']))
  const id = store.newId()
  const comment: ActivityRecord = {
    id,
    verb: 'comment',
    actor: { kind: 'person', username: ctx.actor },
    object,
    published: formatDate(store.now()),
    creator: ctx.me,
    owner: ctx.actor,
    generator: typeof body.generator === 'string' ? body.generator : null,
    keywords: keywordsOf(object.content),
    hashtags: hashtagsOf(object.content),
    likes: [],
    favorites: [],
    lastComment: id,
    inReplyTo: activity.id,
  }
  if (activity.context) comment.context = activity.context
  store.activities.set(id, comment)
  activity.lastComment = id
  refreshKeywords(store, activity)
  // A comment's hashtags join the post's (and stay when it is deleted, as on MAX).
  activity.hashtags = [...new Set([...activity.hashtags, ...comment.hashtags])]
  return json(201, activityView(store, comment, ctx.me))
}

const deleteComment: Handler = (ctx) => {
  const activity = pathActivity(ctx)
  const comment = pathActivity(ctx, 'comment')
  if (comment.verb !== 'comment' || comment.inReplyTo !== activity.id)
    // MAX fails with a 500 for an unknown comment id; answer the 404 a client expects.
    throw notFound(`Comment ${comment.id} not found inside activity ${activity.id}`)
  // The author of the post may delete any comment on it.
  requirePermission(ctx, canDeleteOrManage(ctx, comment) || activity.owner === ctx.me)
  removeActivity(ctx, comment)
  return empty()
}

const flag: Handler = (ctx) => {
  const activity = pathActivity(ctx)
  const context = activity.context ? ctx.store.contexts.get(activity.context) : undefined
  if (!context) throw validationError('Only activities posted in a context can be flagged')
  requirePermission(ctx, canOnContext(ctx.store, ctx.me, context, 'flag'))
  if (activity.flagged) return json(200, activityView(ctx.store, activity, ctx.me))
  activity.flagged = formatDate(ctx.store.now())
  return json(201, activityView(ctx.store, activity, ctx.me))
}

const unflag: Handler = (ctx) => {
  const activity = pathActivity(ctx)
  const context = activity.context ? ctx.store.contexts.get(activity.context) : undefined
  if (!context) throw validationError('Only activities posted in a context can be flagged')
  requirePermission(ctx, canOnContext(ctx.store, ctx.me, context, 'flag'))
  delete activity.flagged
  return empty()
}

/** The like/favorite answer: an activity with that verb whose object is the marked activity. */
function markAnswer(ctx: Ctx, status: number, activity: ActivityRecord, verb: string): Response {
  const view = activityView(ctx.store, activity, ctx.actor)
  return json(status, {
    id: ctx.store.newId(),
    objectType: 'activity',
    verb,
    actor: personRef(ctx.store, ctx.actor),
    object: view,
    published: formatDate(ctx.store.now()),
    generator: null,
    creator: ctx.me,
    owner: ctx.actor,
    replies: [],
  })
}

function mark(kind: 'likes' | 'favorites', verb: string): Handler {
  return (ctx) => {
    const activity = readableActivity(ctx)
    requirePermission(ctx, ctx.actor === ctx.me || isManager(ctx))
    const marks = activity[kind]
    if (marks.some((m) => m.username === ctx.actor)) return markAnswer(ctx, 200, activity, verb)
    const published = formatDate(ctx.store.now())
    marks.push({ username: ctx.actor, published, order: ctx.store.newId() })
    if (kind === 'likes') activity.lastLike = published
    return markAnswer(ctx, 201, activity, verb)
  }
}

function unmark(kind: 'likes' | 'favorites'): Handler {
  return (ctx) => {
    const activity = pathActivity(ctx)
    const username = pathPerson(ctx).username
    requireSelfOrManager(ctx, username)
    const marks = activity[kind]
    const at = marks.findIndex((m) => m.username === username)
    if (at === -1)
      throw notFound(`${username} has no ${kind === 'likes' ? 'like' : 'favorite'} on ${activity.id}`)
    marks.splice(at, 1)
    if (kind === 'likes') {
      const last = marks.at(-1)
      if (last) activity.lastLike = last.published
      else delete activity.lastLike
      return empty()
    }
    return markAnswer({ ...ctx, actor: username }, 200, activity, 'unfavorite')
  }
}

const activityImage: Handler = (ctx) => {
  const activity = readableActivity(ctx)
  return attachment(ctx, activity.object, 'image', activity.id, ctx.params.size)
}

const activityFile: Handler = (ctx) => {
  const activity = readableActivity(ctx)
  return attachment(ctx, activity.object, 'file', activity.id)
}

/** The context of the path, readable by the requester. */
function readableContext(ctx: Ctx): ContextRecord {
  const context = pathContext(ctx)
  requirePermission(ctx, canOnContext(ctx.store, ctx.me, context, 'read'))
  return context
}

const listContextActivities: Handler = (ctx) => {
  const context = readableContext(ctx)
  const family = contextFamily(ctx.store, context)
  return activityList(
    ctx,
    posts(ctx).filter(
      (a) => a.context !== undefined && family.has(a.context) && canReadActivity(ctx.store, a, ctx.me),
    ),
  )
}

const postContextActivity: Handler = (ctx) => {
  const { store } = ctx
  const context = pathContext(ctx)
  if (ctx.actorContext !== undefined) {
    // Posting as the context itself: only its owner or a Manager.
    if (ctx.actorContext !== context.hash)
      throw badRequest(
        'ValidationError',
        'A context can only post in itself: actor.url must be the context URL',
      )
    requirePermission(ctx, isManager(ctx) || context.owner === ctx.me)
    return createPost(ctx, { kind: 'context', hash: context.hash }, context)
  }
  // MAX: Managers, or a subscriber whose subscription grants write, posting as themself.
  const subscription = findSubscription(store.people.get(ctx.actor), context.hash)
  requirePermission(
    ctx,
    isManager(ctx) ||
      (ctx.actor === ctx.me &&
        subscription !== undefined &&
        subscriptionPermissions(context, subscription).includes('write')),
  )
  return createPost(ctx, { kind: 'person', username: ctx.actor }, context)
}

const listContextComments: Handler = (ctx) => {
  const context = readableContext(ctx)
  const family = contextFamily(ctx.store, context)
  return activityList(
    ctx,
    comments(ctx).filter((c) => c.context !== undefined && family.has(c.context)),
  )
}

const contextAuthors: Handler = (ctx) => {
  const context = readableContext(ctx)
  const family = contextFamily(ctx.store, context)
  return authorsAnswer(
    ctx,
    posts(ctx).filter((a) => a.context !== undefined && family.has(a.context)),
  )
}

export const activityHandlers: Record<string, Handler> = {
  'GET /people/{username}/activities': listUserActivities,
  'POST /people/{username}/activities': postUserActivity,
  'GET /people/{username}/timeline': timeline,
  'GET /people/{username}/timeline/authors': timelineAuthors,
  'GET /people/{username}/comments': listUserComments,
  'GET /activities/comments': listAllComments,
  'GET /activities': listAllActivities,
  'GET /activities/{activity}': getActivity,
  'DELETE /activities/{activity}': deleteActivity,
  'GET /activities/{activity}/comments': listActivityComments,
  'POST /activities/{activity}/comments': addComment,
  'DELETE /activities/{activity}/comments/{comment}': deleteComment,
  'POST /activities/{activity}/flag': flag,
  'DELETE /activities/{activity}/flag': unflag,
  'POST /activities/{activity}/likes': mark('likes', 'like'),
  'DELETE /activities/{activity}/likes/{username}': unmark('likes'),
  'POST /activities/{activity}/favorites': mark('favorites', 'favorite'),
  'DELETE /activities/{activity}/favorites/{username}': unmark('favorites'),
  'GET /activities/{activity}/image': activityImage,
  'GET /activities/{activity}/image/{size}': activityImage,
  'GET /activities/{activity}/file/download': activityFile,
  'GET /contexts/{hash}/activities': listContextActivities,
  'POST /contexts/{hash}/activities': postContextActivity,
  'GET /contexts/{hash}/comments': listContextComments,
  'GET /contexts/{hash}/activities/authors': contextAuthors,
}
