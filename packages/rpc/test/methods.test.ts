import { findRoute, methodOf } from '@maxclient/resources'
import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type MaxClient, type RpcMethodName, type RpcResult, rpcMethods } from '../src/index.js'
import { ATENEA, ATENEA_HASH, client, intercept, type Received, type Reply } from './helpers.js'

beforeAll(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  nock.cleanAll()
})

interface Case {
  /** Method (or alias) under test. */
  name: string
  call: (c: MaxClient) => Promise<RpcResult<unknown>>
  /** What must reach the server. `body` undefined means: not checked beyond being JSON or empty. */
  sends: { method: string; uri: string; body?: unknown }
  reply?: Reply
  /** Expected content; default: the reply body. */
  content?: unknown
  /** More checks on what the server received. */
  check?: (received: Received) => void
}

const ID = '519b00000000000000000001'
const CONV = '519b00000000000000000002'
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const person = { username: 'bob', displayName: 'Bob', objectType: 'person' }
const activity = { id: ID, objectType: 'activity', verb: 'post' }
const empty: Reply = { status: 204 }
const binary: Reply = { status: 200, body: PNG, headers: { 'content-type': 'image/png' } }
const count = (n: number): Reply => ({ status: 200, headers: { 'x-totalitems': String(n) } })

const cases: Case[] = [
  // Users
  {
    name: 'getUsers',
    call: (c) => c.getUsers({ qs: { username: 'bo', limit: 5 } }),
    sends: { method: 'GET', uri: '/people?username=bo&limit=5' },
    reply: { status: 200, body: [person] },
  },
  {
    name: 'addUser',
    call: (c) => c.addUser('bob', { displayName: 'Bob' }),
    sends: { method: 'POST', uri: '/people', body: { displayName: 'Bob', username: 'bob' } },
    reply: { status: 201, body: person },
  },
  {
    name: 'getUser',
    call: (c) => c.getUser('bob'),
    sends: { method: 'GET', uri: '/people/bob' },
    reply: { status: 200, body: person },
  },
  {
    name: 'modifyUser',
    call: (c) => c.modifyUser('bob', { displayName: 'Robert' }),
    sends: { method: 'PUT', uri: '/people/bob', body: { displayName: 'Robert' } },
    reply: { status: 200, body: { ...person, displayName: 'Robert' } },
  },
  {
    name: 'deleteUser',
    call: (c) => c.deleteUser('bob'),
    sends: { method: 'DELETE', uri: '/people/bob' },
    reply: empty,
    content: null,
  },
  {
    name: 'postAvatar',
    call: (c) => c.postAvatar('bob', new File([PNG], 'me.png', { type: 'image/png' })),
    sends: { method: 'POST', uri: '/people/bob/avatar' },
    reply: { status: 201, body: { Image: 'updated' } },
    check: (received) => {
      expect(String(received.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/)
      expect(received.body).toMatch(/name="file"; filename="me.png"/)
    },
  },
  {
    name: 'getUserAvatar',
    call: (c) => c.getUserAvatar('bob'),
    sends: { method: 'GET', uri: '/people/bob/avatar' },
    reply: binary,
    content: PNG,
  },
  {
    name: 'getUserAvatarSize',
    call: (c) => c.getUserAvatarSize('bob', 'large'),
    sends: { method: 'GET', uri: '/people/bob/avatar/large' },
    reply: binary,
    content: PNG,
  },
  // Activities
  {
    name: 'getUserActivities',
    call: (c) => c.getUserActivities(ATENEA, false, 'bob', { qs: { limit: 3 } }),
    sends: { method: 'GET', uri: `/people/bob/activities?limit=3&context=${ATENEA_HASH}` },
    reply: { status: 200, body: [activity] },
  },
  {
    name: 'countUserActivities',
    call: (c) => c.countUserActivities(undefined, 'bob'),
    sends: { method: 'HEAD', uri: '/people/bob/activities' },
    reply: count(7),
    content: 7,
  },
  {
    name: 'addActivity',
    call: (c) => c.addActivity('Hello', undefined, undefined, 'Twitter'),
    sends: {
      method: 'POST',
      uri: '/people/alice/activities',
      body: { object: { objectType: 'note', content: 'Hello' }, generator: 'Twitter' },
    },
    reply: { status: 201, body: activity },
  },
  {
    name: 'getUserTimeline',
    call: (c) => c.getUserTimeline(undefined, { qs: { sort: 'likes' } }),
    sends: { method: 'GET', uri: '/people/alice/timeline?sort=likes' },
    reply: { status: 200, body: [activity] },
  },
  {
    name: 'getTimelineLastAuthors',
    call: (c) => c.getTimelineLastAuthors(3),
    sends: { method: 'GET', uri: '/people/alice/timeline/authors?limit=3' },
    reply: { status: 200, body: [person] },
  },
  {
    name: 'countTimelineLastAuthors',
    call: (c) => c.countTimelineLastAuthors(undefined, 'bob'),
    sends: { method: 'HEAD', uri: '/people/bob/timeline/authors' },
    reply: count(2),
    content: 2,
  },
  {
    name: 'getActivities',
    call: (c) => c.getActivities(),
    sends: { method: 'GET', uri: '/activities' },
    reply: { status: 200, body: [activity] },
  },
  {
    name: 'getAllActivities',
    call: (c) => c.getAllActivities(true),
    sends: { method: 'HEAD', uri: '/activities' },
    reply: count(11),
    content: 11,
  },
  {
    name: 'countActivities',
    call: (c) => c.countActivities({ qs: { hashtag: ['a', 'b'] } }),
    sends: { method: 'HEAD', uri: '/activities?hashtag=a&hashtag=b' },
    reply: count(4),
    content: 4,
  },
  {
    name: 'getActivity',
    call: (c) => c.getActivity(ID, { qs: { show_acls: true } }),
    sends: { method: 'GET', uri: `/activities/${ID}?show_acls=true` },
    reply: { status: 200, body: activity },
  },
  {
    name: 'deleteActivity',
    call: (c) => c.deleteActivity(ID),
    sends: { method: 'DELETE', uri: `/activities/${ID}` },
    reply: empty,
    content: null,
  },
  {
    name: 'getContextActivities',
    call: (c) => c.getContextActivities(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/activities` },
    reply: { status: 200, body: [activity] },
  },
  {
    name: 'countContextActivities',
    call: (c) => c.countContextActivities(ATENEA_HASH),
    sends: { method: 'HEAD', uri: `/contexts/${ATENEA_HASH}/activities` },
    reply: count(9),
    content: 9,
  },
  {
    name: 'addActivityAsContext',
    call: (c) => c.addActivityAsContext('News', ATENEA),
    sends: {
      method: 'POST',
      uri: `/contexts/${ATENEA_HASH}/activities`,
      body: {
        object: { objectType: 'note', content: 'News' },
        actor: { objectType: 'context', url: ATENEA },
      },
    },
    reply: { status: 201, body: activity },
  },
  {
    name: 'add_activity_as_context',
    call: (c) => c.add_activity_as_context('News', ATENEA, 'note', 'Bot'),
    sends: {
      method: 'POST',
      uri: `/contexts/${ATENEA_HASH}/activities`,
      body: {
        object: { objectType: 'note', content: 'News' },
        actor: { objectType: 'context', url: ATENEA },
        generator: 'Bot',
      },
    },
    reply: { status: 201, body: activity },
  },
  {
    name: 'getContextLastAuthors',
    call: (c) => c.getContextLastAuthors(ATENEA, 2),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/activities/authors?limit=2` },
    reply: { status: 200, body: [person] },
  },
  {
    name: 'countContextLastAuthors',
    call: (c) => c.countContextLastAuthors(ATENEA),
    sends: { method: 'HEAD', uri: `/contexts/${ATENEA_HASH}/activities/authors` },
    reply: count(1),
    content: 1,
  },
  // Comments
  {
    name: 'getComments',
    call: (c) => c.getComments(ID),
    sends: { method: 'GET', uri: `/activities/${ID}/comments` },
    reply: { status: 200, body: [{ id: 'c1', content: 'hi' }] },
  },
  {
    name: 'addComment',
    call: (c) => c.addComment('Nice', ID),
    sends: {
      method: 'POST',
      uri: `/activities/${ID}/comments`,
      body: { object: { objectType: 'comment', content: 'Nice' } },
    },
    reply: { status: 201, body: { ...activity, verb: 'comment' } },
  },
  {
    name: 'deleteComment',
    call: (c) => c.deleteComment(ID, 'c1'),
    sends: { method: 'DELETE', uri: `/activities/${ID}/comments/c1` },
    reply: empty,
    content: null,
  },
  {
    name: 'getAllComments',
    call: (c) => c.getAllComments(),
    sends: { method: 'GET', uri: '/activities/comments' },
    reply: { status: 200, body: [] },
  },
  {
    name: 'countAllComments',
    call: (c) => c.countAllComments(),
    sends: { method: 'HEAD', uri: '/activities/comments' },
    reply: count(0),
    content: 0,
  },
  {
    name: 'getUserComments',
    call: (c) => c.getUserComments(),
    sends: { method: 'GET', uri: '/people/alice/comments' },
    reply: { status: 200, body: [] },
  },
  {
    name: 'countUserComments',
    call: (c) => c.countUserComments('bob'),
    sends: { method: 'HEAD', uri: '/people/bob/comments' },
    reply: count(3),
    content: 3,
  },
  {
    name: 'getContextComments',
    call: (c) => c.getContextComments(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/comments` },
    reply: { status: 200, body: [] },
  },
  {
    name: 'countContextComments',
    call: (c) => c.countContextComments(ATENEA),
    sends: { method: 'HEAD', uri: `/contexts/${ATENEA_HASH}/comments` },
    reply: count(5),
    content: 5,
  },
  // Likes, favorites and flags
  {
    name: 'likeActivity',
    call: (c) => c.likeActivity(ID),
    sends: { method: 'POST', uri: `/activities/${ID}/likes` },
    reply: { status: 201, body: { ...activity, verb: 'like' } },
  },
  {
    name: 'unlikeActivity',
    call: (c) => c.unlikeActivity(ID),
    sends: { method: 'DELETE', uri: `/activities/${ID}/likes/alice` },
    reply: empty,
    content: null,
  },
  {
    name: 'favoriteActivity',
    call: (c) => c.favoriteActivity(ID),
    sends: { method: 'POST', uri: `/activities/${ID}/favorites` },
    reply: { status: 201, body: { ...activity, verb: 'favorite' } },
  },
  {
    name: 'unfavoriteActivity',
    call: (c) => c.unfavoriteActivity(ID, 'bob'),
    sends: { method: 'DELETE', uri: `/activities/${ID}/favorites/bob` },
    reply: { status: 200, body: { ...activity, verb: 'unfavorite' } },
  },
  {
    name: 'flagActivity',
    call: (c) => c.flagActivity(ID),
    sends: { method: 'POST', uri: `/activities/${ID}/flag` },
    reply: { status: 201, body: activity },
  },
  {
    name: 'unflagActivity',
    call: (c) => c.unflagActivity(ID),
    sends: { method: 'DELETE', uri: `/activities/${ID}/flag` },
    reply: empty,
    content: null,
  },
  // Contexts
  {
    name: 'getContexts',
    call: (c) => c.getContexts({ qs: { tags: 'Assignatura' } }),
    sends: { method: 'GET', uri: '/contexts?tags=Assignatura' },
    reply: { status: 200, body: [{ hash: ATENEA_HASH }] },
  },
  {
    name: 'getPublicContexts',
    call: (c) => c.getPublicContexts(),
    sends: { method: 'GET', uri: '/contexts/public' },
    reply: { status: 200, body: [] },
  },
  {
    name: 'addContext',
    call: (c) => c.addContext(ATENEA, 'Atenea', { read: 'public' }),
    sends: {
      method: 'POST',
      uri: '/contexts',
      body: { url: ATENEA, objectType: 'context', displayName: 'Atenea', permissions: { read: 'public' } },
    },
    reply: { status: 201, body: { hash: ATENEA_HASH, url: ATENEA } },
  },
  {
    name: 'getContext',
    call: (c) => c.getContext(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}` },
    reply: { status: 200, body: { hash: ATENEA_HASH } },
  },
  {
    name: 'get_context',
    call: (c) => c.get_context(ATENEA_HASH),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}` },
    reply: { status: 200, body: { hash: ATENEA_HASH } },
  },
  {
    name: 'modifyContext',
    call: (c) => c.modifyContext(ATENEA, { twitterHashtag: 'atenea' }),
    sends: { method: 'PUT', uri: `/contexts/${ATENEA_HASH}`, body: { twitterHashtag: 'atenea' } },
    reply: { status: 200, body: { hash: ATENEA_HASH } },
  },
  {
    name: 'deleteContext',
    call: (c) => c.deleteContext(ATENEA),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}` },
    reply: empty,
    content: null,
  },
  {
    name: 'getContextTags',
    call: (c) => c.getContextTags(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/tags` },
    reply: { status: 200, body: ['a'] },
  },
  {
    name: 'addTagsToContext',
    call: (c) => c.addTagsToContext(ATENEA, ['a', 'b']),
    sends: { method: 'PUT', uri: `/contexts/${ATENEA_HASH}/tags`, body: ['a', 'b'] },
    reply: { status: 200, body: ['a', 'b'] },
  },
  {
    name: 'add_tags_to_context',
    call: (c) => c.add_tags_to_context(ATENEA, ['c']),
    sends: { method: 'PUT', uri: `/contexts/${ATENEA_HASH}/tags`, body: ['c'] },
    reply: { status: 200, body: ['c'] },
  },
  {
    name: 'clearContextTags',
    call: (c) => c.clearContextTags(ATENEA),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}/tags` },
    reply: { status: 200, body: [] },
  },
  {
    name: 'removeTagFromContext',
    call: (c) => c.removeTagFromContext(ATENEA, 'a b/c'),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}/tags/a%20b%2Fc` },
    reply: empty,
    content: null,
  },
  {
    name: 'remove_tag_from_context',
    call: (c) => c.remove_tag_from_context(ATENEA, 'x'),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}/tags/x` },
    reply: empty,
    content: null,
  },
  {
    name: 'getContextAvatar',
    call: (c) => c.getContextAvatar(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/avatar` },
    reply: binary,
    content: PNG,
  },
  // Subscriptions
  {
    name: 'subscribe',
    call: (c) => c.subscribe(ATENEA),
    sends: {
      method: 'POST',
      uri: `/contexts/${ATENEA_HASH}/subscriptions`,
      body: { actor: { objectType: 'person', username: 'alice' } },
    },
    reply: { status: 201, body: { ...activity, verb: 'subscribe' } },
  },
  {
    name: 'unsubscribe',
    call: (c) => c.unsubscribe(ATENEA, 'context', 'bob'),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}/subscriptions/bob` },
    reply: empty,
    content: null,
  },
  {
    name: 'subscribed',
    call: (c) => c.subscribed(undefined, { qs: { tags: ['a', 'b'] } }),
    sends: { method: 'GET', uri: '/people/alice/subscriptions?tags=a&tags=b' },
    reply: { status: 200, body: [{ hash: ATENEA_HASH }] },
  },
  {
    name: 'subscribedToContext',
    call: (c) => c.subscribedToContext(ATENEA, { qs: { limit: 0 } }),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/subscriptions?limit=0` },
    reply: { status: 200, body: [{ username: 'alice' }] },
  },
  {
    name: 'subscribed_to_context',
    call: (c) => c.subscribed_to_context(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/subscriptions` },
    reply: { status: 200, body: [] },
  },
  {
    name: 'getUserPushUnsubscriptions',
    call: (c) => c.getUserPushUnsubscriptions('bob'),
    sends: { method: 'GET', uri: '/people/bob/unsubscriptionpush' },
    reply: { status: 200, body: [] },
  },
  {
    name: 'getContextPushUnsubscriptions',
    call: (c) => c.getContextPushUnsubscriptions(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/unsubscriptionpush` },
    reply: { status: 200, body: [{ username: 'bob' }] },
  },
  {
    name: 'disableContextPush',
    call: (c) => c.disableContextPush(ATENEA),
    sends: { method: 'POST', uri: `/contexts/${ATENEA_HASH}/unsubscriptionpush/alice` },
    reply: { status: 201, body: activity },
  },
  {
    name: 'enableContextPush',
    call: (c) => c.enableContextPush(ATENEA, 'bob'),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}/subscriptionpush/bob` },
    reply: empty,
    content: null,
  },
  // Permissions
  {
    name: 'grantPermission',
    call: (c) => c.grantPermission(ATENEA, 'bob'),
    sends: { method: 'PUT', uri: `/contexts/${ATENEA_HASH}/permissions/bob/read` },
    reply: { status: 201, body: { hash: ATENEA_HASH, permissions: ['read'] } },
  },
  {
    name: 'grant_permission',
    call: (c) => c.grant_permission(ATENEA, undefined, 'write'),
    sends: { method: 'PUT', uri: `/contexts/${ATENEA_HASH}/permissions/alice/write` },
    reply: { status: 200, body: { permissions: ['write'] } },
  },
  {
    name: 'revokePermission',
    call: (c) => c.revokePermission(ATENEA, 'bob'),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}/permissions/bob/write` },
    reply: { status: 201, body: { permissions: ['read'] } },
  },
  {
    name: 'revoke_permission',
    call: (c) => c.revoke_permission(ATENEA, 'bob', 'invite', { permanent: false }),
    sends: { method: 'DELETE', uri: `/contexts/${ATENEA_HASH}/permissions/bob/invite?permanent=` },
    reply: { status: 200, body: { permissions: ['read'] } },
  },
  {
    name: 'resetPermissions',
    call: (c) => c.resetPermissions(ATENEA, 'bob'),
    sends: { method: 'POST', uri: `/contexts/${ATENEA_HASH}/permissions/bob/defaults` },
    reply: { status: 200, body: { permissions: ['read', 'write'] } },
  },
  // Device tokens
  {
    name: 'addToken',
    call: (c) => c.addToken('12345678901234567890123456789012', 'ios', { device: 'iPhone' }),
    sends: {
      method: 'POST',
      uri: '/tokens',
      body: { token: '12345678901234567890123456789012', platform: 'ios', device: 'iPhone' },
    },
    reply: { status: 201, body: { token: '12345678901234567890123456789012', platform: 'ios' } },
  },
  {
    name: 'deleteToken',
    call: (c) => c.deleteToken('abc'),
    sends: { method: 'DELETE', uri: '/tokens/abc' },
    reply: empty,
    content: null,
  },
  {
    name: 'getUserTokens',
    call: (c) => c.getUserTokens(),
    sends: { method: 'GET', uri: '/people/alice/tokens' },
    reply: { status: 200, body: [{ token: 'abc', platform: 'ios', username: 'alice' }] },
  },
  {
    name: 'deleteUserTokens',
    call: (c) => c.deleteUserTokens('bob'),
    sends: { method: 'DELETE', uri: '/people/bob/tokens' },
    reply: empty,
    content: null,
  },
  {
    name: 'getUserPlatformTokens',
    call: (c) => c.getUserPlatformTokens('android', 'bob'),
    sends: { method: 'GET', uri: '/people/bob/tokens/platforms/android' },
    reply: { status: 200, body: [] },
  },
  {
    name: 'deleteUserPlatformTokens',
    call: (c) => c.deleteUserPlatformTokens('ios'),
    sends: { method: 'DELETE', uri: '/people/alice/tokens/platforms/ios' },
    reply: empty,
    content: null,
  },
  {
    name: 'getContextTokens',
    call: (c) => c.getContextTokens(ATENEA),
    sends: { method: 'GET', uri: `/contexts/${ATENEA_HASH}/tokens` },
    reply: { status: 200, body: [] },
  },
  {
    name: 'pushtokensByConversation',
    call: (c) => c.pushtokensByConversation(CONV),
    sends: { method: 'GET', uri: `/conversations/${CONV}/tokens` },
    reply: { status: 200, body: [{ token: 't', platform: 'android', username: 'bob' }] },
  },
  {
    name: 'pushtokens_by_conversation',
    call: (c) => c.pushtokens_by_conversation(CONV),
    sends: { method: 'GET', uri: `/conversations/${CONV}/tokens` },
    reply: { status: 200, body: [] },
  },
  // Conversations
  {
    name: 'getConversations',
    call: (c) => c.getConversations(),
    sends: { method: 'GET', uri: '/conversations' },
    reply: { status: 200, body: [{ id: CONV }] },
  },
  {
    name: 'addConversation',
    call: (c) => c.addConversation(['alice', 'bob', 'carol'], 'Hi all', { displayName: 'Team' }),
    sends: {
      method: 'POST',
      uri: '/conversations',
      body: {
        contexts: [
          { objectType: 'conversation', participants: ['alice', 'bob', 'carol'], displayName: 'Team' },
        ],
        object: { objectType: 'note', content: 'Hi all' },
      },
    },
    reply: { status: 201, body: { id: 'm1', objectType: 'message' } },
  },
  {
    name: 'deleteAllConversations',
    call: (c) => c.deleteAllConversations(),
    sends: { method: 'DELETE', uri: '/conversations' },
    reply: empty,
    content: null,
  },
  {
    name: 'getActiveConversations',
    call: (c) => c.getActiveConversations({ qs: { limit: 50 } }),
    sends: { method: 'GET', uri: '/conversations/active?limit=50' },
    reply: { status: 200, body: [{ id: CONV }] },
  },
  {
    name: 'countActiveConversations',
    call: (c) => c.countActiveConversations(),
    sends: { method: 'HEAD', uri: '/conversations/active' },
    reply: count(6),
    content: 6,
  },
  {
    name: 'getConversation',
    call: (c) => c.getConversation(CONV),
    sends: { method: 'GET', uri: `/conversations/${CONV}` },
    reply: { status: 200, body: { id: CONV } },
  },
  {
    name: 'modifyConversation',
    call: (c) => c.modifyConversation(CONV, { displayName: 'New name' }),
    sends: { method: 'PUT', uri: `/conversations/${CONV}`, body: { displayName: 'New name' } },
    reply: { status: 200, body: { id: CONV, displayName: 'New name' } },
  },
  {
    name: 'deleteConversation',
    call: (c) => c.deleteConversation(CONV),
    sends: { method: 'DELETE', uri: `/conversations/${CONV}` },
    reply: empty,
    content: null,
  },
  {
    name: 'transferConversationOwnership',
    call: (c) => c.transferConversationOwnership(CONV, 'bob'),
    sends: {
      method: 'PUT',
      uri: `/conversations/${CONV}/owner`,
      body: { actor: { objectType: 'person', username: 'bob' } },
    },
    reply: { status: 200, body: { id: CONV, owner: 'bob' } },
  },
  {
    name: 'getUserConversation',
    call: (c) => c.getUserConversation(CONV),
    sends: { method: 'GET', uri: `/people/alice/conversations/${CONV}` },
    reply: { status: 200, body: { id: CONV } },
  },
  {
    name: 'addParticipant',
    call: (c) => c.addParticipant(CONV, 'dave'),
    sends: {
      method: 'POST',
      uri: `/conversations/${CONV}/participants`,
      body: { actor: { objectType: 'person', username: 'dave' } },
    },
    reply: { status: 201, body: { verb: 'subscribe' } },
  },
  {
    name: 'removeParticipant',
    call: (c) => c.removeParticipant(CONV),
    sends: { method: 'DELETE', uri: `/conversations/${CONV}/participants/alice` },
    reply: empty,
    content: null,
  },
  {
    name: 'getConversationAvatar',
    call: (c) => c.getConversationAvatar(CONV),
    sends: { method: 'GET', uri: `/conversations/${CONV}/avatar` },
    reply: binary,
    content: PNG,
  },
  // Messages
  {
    name: 'getConversationMessages',
    call: (c) => c.getConversationMessages(CONV, { qs: { limit: 2 } }),
    sends: { method: 'GET', uri: `/conversations/${CONV}/messages?limit=2` },
    reply: { status: 200, body: [{ id: 'm1' }, { id: 'm2' }] },
  },
  {
    name: 'addMessage',
    call: (c) => c.addMessage(CONV, 'Hola', { mobile: true }),
    sends: {
      method: 'POST',
      uri: `/conversations/${CONV}/messages`,
      body: { object: { objectType: 'note', content: 'Hola', mobile: true } },
    },
    reply: { status: 201, body: { id: 'm3' } },
  },
  {
    name: 'addUserMessage',
    call: (c) => c.addUserMessage('bob', CONV, 'On behalf'),
    sends: {
      method: 'POST',
      uri: `/people/bob/conversations/${CONV}/messages`,
      body: { object: { objectType: 'note', content: 'On behalf' } },
    },
    reply: { status: 201, body: { id: 'm4' } },
  },
  {
    name: 'getMessages',
    call: (c) => c.getMessages(),
    sends: { method: 'GET', uri: '/messages' },
    reply: { status: 200, body: [] },
  },
  {
    name: 'countMessages',
    call: (c) => c.countMessages(),
    sends: { method: 'HEAD', uri: '/messages' },
    reply: count(12),
    content: 12,
  },
  // Files and images
  {
    name: 'getActivityImage',
    call: (c) => c.getActivityImage(ID),
    sends: { method: 'GET', uri: `/activities/${ID}/image` },
    reply: binary,
    content: PNG,
  },
  {
    name: 'getActivityImageSize',
    call: (c) => c.getActivityImageSize(ID, 'thumb'),
    sends: { method: 'GET', uri: `/activities/${ID}/image/thumb` },
    reply: binary,
    content: PNG,
  },
  {
    name: 'getActivityFile',
    call: (c) => c.getActivityFile(ID),
    sends: { method: 'GET', uri: `/activities/${ID}/file/download` },
    reply: { status: 200, body: PNG, headers: { 'content-type': 'application/pdf' } },
    content: PNG,
  },
  {
    name: 'getMessageImage',
    call: (c) => c.getMessageImage('m1'),
    sends: { method: 'GET', uri: '/messages/m1/image' },
    reply: binary,
    content: PNG,
  },
  {
    name: 'getMessageImageSize',
    call: (c) => c.getMessageImageSize('m1', 'full'),
    sends: { method: 'GET', uri: '/messages/m1/image/full' },
    reply: binary,
    content: PNG,
  },
  {
    name: 'getMessageFile',
    call: (c) => c.getMessageFile('m1'),
    sends: { method: 'GET', uri: '/messages/m1/file/download' },
    reply: binary,
    content: PNG,
  },
  // Server info
  {
    name: 'getInfo',
    call: (c) => c.getInfo(),
    sends: { method: 'GET', uri: '/info' },
    reply: { status: 200, body: { version: '5.3' } },
  },
  {
    name: 'getApiInfo',
    call: (c) => c.getApiInfo(true),
    sends: { method: 'GET', uri: '/info/api?by_category=1' },
    reply: { status: 200, body: [{ name: 'User' }] },
  },
  {
    name: 'getSettings',
    call: (c) => c.getSettings(),
    sends: { method: 'GET', uri: '/info/settings' },
    reply: { status: 200, body: { 'max.debug_api': 'false' } },
  },
  // Security
  {
    name: 'getSecurity',
    call: (c) => c.getSecurity(),
    sends: { method: 'GET', uri: '/admin/security' },
    reply: { status: 200, body: { roles: { Manager: ['alice'] } } },
  },
  {
    name: 'getSecurityUsers',
    call: (c) => c.getSecurityUsers(),
    sends: { method: 'GET', uri: '/admin/security/users' },
    reply: { status: 200, body: [{ username: 'alice', roles: [{ name: 'Manager', active: true }] }] },
  },
  {
    name: 'getUserSecurityRole',
    call: (c) => c.getUserSecurityRole('bob', 'Manager'),
    sends: { method: 'GET', uri: '/admin/security/roles/Manager/users/bob' },
    reply: { status: 200, body: { roles: ['Manager'] } },
  },
  {
    name: 'grantSecurityRole',
    call: (c) => c.grantSecurityRole('bob', 'NonVisible'),
    sends: { method: 'POST', uri: '/admin/security/roles/NonVisible/users/bob' },
    reply: { status: 201, body: ['bob'] },
  },
  {
    name: 'grant_security_role',
    call: (c) => c.grant_security_role('bob', 'Manager'),
    sends: { method: 'POST', uri: '/admin/security/roles/Manager/users/bob' },
    reply: { status: 200, body: ['alice', 'bob'] },
  },
  {
    name: 'revokeSecurityRole',
    call: (c) => c.revokeSecurityRole('bob', 'Manager'),
    sends: { method: 'DELETE', uri: '/admin/security/roles/Manager/users/bob' },
    reply: empty,
    content: null,
  },
  {
    name: 'revoke_security_role',
    call: (c) => c.revoke_security_role('bob', 'NonVisible'),
    sends: { method: 'DELETE', uri: '/admin/security/roles/NonVisible/users/bob' },
    reply: empty,
    content: null,
  },
  // Maintenance
  ...(['keywords', 'dates', 'subscriptions', 'conversations', 'users', 'tokens'] as const).map(
    (what): Case => ({
      name: `rebuild${what[0]!.toUpperCase()}${what.slice(1)}`,
      call: (c) => (c as any)[`rebuild${what[0]!.toUpperCase()}${what.slice(1)}`](),
      sends: { method: 'POST', uri: `/admin/maintenance/${what}` },
      reply: { status: 200, body: [] },
    }),
  ),
  {
    name: 'getExceptions',
    call: (c) => c.getExceptions(),
    sends: { method: 'GET', uri: '/admin/maintenance/exceptions' },
    reply: { status: 200, body: [{ id: 'e1', date: '2024-01-01T00:00:00Z' }] },
  },
  {
    name: 'getException',
    call: (c) => c.getException(ATENEA_HASH),
    sends: { method: 'GET', uri: `/admin/maintenance/exceptions/${ATENEA_HASH}` },
    reply: { status: 200, body: { date: 'd', request: 'r', traceback: 't' } },
  },
  {
    name: 'deleteException',
    call: (c) => c.deleteException(ATENEA_HASH),
    sends: { method: 'DELETE', uri: `/admin/maintenance/exceptions/${ATENEA_HASH}` },
    reply: empty,
    content: null,
  },
]

/** The table name of a method or alias. */
function canonical(name: string): RpcMethodName {
  for (const [method, spec] of Object.entries(rpcMethods)) {
    if (method === name || ('aliases' in spec && (spec.aliases as readonly string[]).includes(name))) {
      return method as RpcMethodName
    }
  }
  throw new Error(`${name} is neither an RPC method nor an alias`)
}

describe('every RPC method sends its request and returns [ok, status, content]', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, item) => {
    const reply = item.reply ?? { status: 200, body: {} }
    const server = intercept(item.sends.method, reply)
    const result = await item.call(client())
    server.done()
    const received = server.received()
    expect(received.method).toBe(item.sends.method)
    expect(received.uri).toBe(item.sends.uri)
    if (item.sends.body !== undefined) expect(received.body).toEqual(item.sends.body)
    if (item.sends.method === 'GET' || item.sends.method === 'HEAD') expect(received.body).toBeUndefined()
    // Public routes get no credentials; all others get the token.
    const spec = rpcMethods[canonical(item.name)]
    const isPublic = methodOf(findRoute(spec.pattern)!, spec.method)!.permission === 'Anonymous'
    expect(received.headers['x-oauth-token']).toBe(isPublic ? undefined : 'tok-123456')
    item.check?.(received)
    const content = 'content' in item ? item.content : reply.body
    expect(result).toEqual([true, reply.status, content])
    if (Buffer.isBuffer(content)) expect(result[2]).toBeInstanceOf(Uint8Array)
  })

  it('covers every method of the table and every alias', () => {
    const names = new Set(cases.map((c) => c.name))
    const expected = Object.entries(rpcMethods).flatMap(([name, spec]) => [
      name,
      ...('aliases' in spec ? spec.aliases : []),
    ])
    expect(expected.filter((name) => !names.has(name))).toEqual([])
  })
})
