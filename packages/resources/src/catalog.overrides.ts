// Hand-written: the facts about MAX routes that GET /info/api does not give (permission constants,
// response models, paging, uploads, success statuses, deprecated request forms). Merged over
// catalog.generated.ts at load; a key naming a route or method the generated catalog lacks is an error.
// Method keys are 'METHOD /pattern'; only facts that differ from what the document implies are listed
// (permission: the label in snake case; paginated, upload, list: false; successStatus: GET/PUT 200,
// POST 201 or 200, DELETE 204; a paginated list pages by id, newest first; uploads take json_data+file).
import type { CatalogOverrides } from './spec.js'

/** Timeline and context activities: newest first by id, or by last comment when asked to. */
const BY_LAST_COMMENT = {
  cursor: 'id',
  order: 'newest-first',
  modes: [
    {
      param: 'priority',
      value: 'comments',
      cursor: 'lastComment',
      note: 'priority=comments orders by last comment, and before takes the lastComment value',
    },
    {
      param: 'sortBy',
      value: 'comments',
      unless: ['sort', 'priority'],
      cursor: 'lastComment',
      note: 'sortBy=comments (deprecated) means priority=comments, and before takes the lastComment value',
    },
  ],
} as const

/**
 * The hand-written facts about MAX routes that GET /info/api lacks (permissions, models, paging,
 * uploads, statuses, deprecated forms), merged over {@link generatedCatalog} to make {@link catalog}.
 */
export const catalogOverrides = {
  routes: {
    '/people': {
      actorNotRequired: ['POST'],
    },
    '/admin/security': {
      actorNotRequired: ['GET'],
    },
    '/admin/security/roles/{role}/users/{user}': {
      actorNotRequired: ['GET', 'POST', 'DELETE'],
    },
    '/admin/security/users': {
      actorNotRequired: ['GET'],
    },
    '/admin/maintenance/keywords': {
      actorNotRequired: ['POST'],
    },
    '/admin/maintenance/dates': {
      actorNotRequired: ['POST'],
    },
    '/admin/maintenance/subscriptions': {
      actorNotRequired: ['POST'],
    },
    '/admin/maintenance/conversations': {
      actorNotRequired: ['POST'],
    },
    '/admin/maintenance/users': {
      actorNotRequired: ['POST'],
    },
    '/admin/maintenance/tokens': {
      actorNotRequired: ['POST'],
    },
    '/admin/maintenance/exceptions': {
      actorNotRequired: ['GET'],
    },
    '/admin/maintenance/exceptions/{hash}': {
      actorNotRequired: ['GET'],
    },
  },
  methods: {
    'GET /people': {
      model: 'personSummary',
      list: true,
      paginated: true,
      pagination: {
        cursor: 'id',
        order: 'newest-first',
        modes: [
          {
            param: 'max_users',
            cursor: 'username',
            cursorParam: 'after',
            note: 'max_users lists people in ascending username order, where before/after take usernames',
          },
        ],
      },
    },
    'POST /people': {
      model: 'person',
    },
    'GET /people/{username}': {
      model: 'person',
    },
    'POST /people/{username}': {
      permission: 'add_people',
      permissionLabel: 'Add people',
      summary: 'Old form of creating a user',
      count: false,
      restParams: [],
      queryParams: [],
      searchParams: false,
      paginated: false,
      upload: false,
      model: 'person',
      list: false,
      successStatus: [201, 200],
      deprecated: {
        rewritesTo: {
          method: 'POST',
          pattern: '/people',
        },
      },
    },
    'PUT /people/{username}': {
      permission: 'modify_user',
      model: 'person',
    },
    'DELETE /people/{username}': {
      model: 'empty',
    },
    'GET /people/{username}/avatar': {
      model: 'binary',
    },
    'POST /people/{username}/avatar': {
      permission: 'modify_avatar',
      model: 'avatarUpdated',
      successStatus: [201],
      upload: true,
      uploadForm: 'file',
    },
    'GET /people/{username}/avatar/{size}': {
      model: 'binary',
    },
    'GET /people/{username}/activities': {
      permission: 'list_activities',
      model: 'activity',
      list: true,
      paginated: true,
    },
    'POST /people/{username}/activities': {
      model: 'activity',
      upload: true,
    },
    'GET /people/{username}/timeline': {
      permission: 'view_timeline',
      model: 'activity',
      list: true,
      paginated: true,
      pagination: BY_LAST_COMMENT,
    },
    'GET /people/{username}/timeline/authors': {
      permission: 'view_timeline',
      model: 'actor',
      list: true,
    },
    'GET /people/{username}/comments': {
      permission: 'list_comments',
      model: 'activity',
      list: true,
      paginated: true,
    },
    'GET /people/{username}/subscriptions': {
      permission: 'view_subscriptions',
      model: 'subscription',
      list: true,
    },
    'POST /people/{username}/subscriptions': {
      permission: 'add_subscription',
      permissionLabel: 'Subscribe an user to a context',
      summary: 'Old form of subscribing a user to a context (the context URL goes in object.url)',
      count: false,
      restParams: [],
      queryParams: [],
      searchParams: false,
      paginated: false,
      upload: false,
      model: 'activity',
      list: false,
      successStatus: [201, 200],
      deprecated: {
        rewritesTo: {
          method: 'POST',
          pattern: '/contexts/{hash}/subscriptions',
        },
      },
    },
    'GET /people/{username}/unsubscriptionpush': {
      permission: 'view_subscriptions',
      model: 'subscription',
      list: true,
    },
    'GET /people/{username}/tokens': {
      permission: 'list_tokens',
      model: 'tokenListItem',
      list: true,
    },
    'DELETE /people/{username}/tokens': {
      permission: 'delete_token',
      model: 'empty',
    },
    'GET /people/{username}/tokens/platforms/{platform}': {
      permission: 'list_tokens',
      model: 'tokenListItem',
      list: true,
    },
    'DELETE /people/{username}/tokens/platforms/{platform}': {
      permission: 'delete_token',
      model: 'empty',
    },
    'POST /tokens': {
      permission: 'add_token',
      model: 'token',
      successStatus: [201],
    },
    'DELETE /tokens/{token}': {
      permission: 'delete_token',
      model: 'empty',
    },
    'GET /contexts/{hash}/tokens': {
      permission: 'list_tokens',
      model: 'tokenListItem',
      list: true,
    },
    'GET /conversations/{id}/tokens': {
      permission: 'list_tokens',
      model: 'tokenListItem',
      list: true,
    },
    'GET /activities/comments': {
      permission: 'list_comments',
      model: 'activity',
      list: true,
      paginated: true,
    },
    'GET /activities': {
      permission: 'list_activities',
      model: 'activity',
      list: true,
      paginated: true,
    },
    'GET /activities/{activity}': {
      model: 'activity',
    },
    'DELETE /activities/{activity}': {
      model: 'empty',
    },
    'GET /activities/{activity}/comments': {
      permission: 'list_comments',
      model: 'comment',
      list: true,
    },
    'POST /activities/{activity}/comments': {
      permission: 'add_comment',
      model: 'activity',
      successStatus: [201],
    },
    'DELETE /activities/{activity}/comments/{comment}': {
      permission: 'delete_comment',
      model: 'empty',
    },
    'POST /activities/{activity}/flag': {
      permission: 'flag',
      model: 'activity',
    },
    'DELETE /activities/{activity}/flag': {
      permission: 'unflag',
      model: 'empty',
    },
    'POST /activities/{activity}/likes': {
      permission: 'like',
      model: 'activity',
    },
    'DELETE /activities/{activity}/likes/{username}': {
      permission: 'unlike',
      model: 'empty',
    },
    'POST /activities/{activity}/favorites': {
      permission: 'favorite',
      model: 'activity',
    },
    'DELETE /activities/{activity}/favorites/{username}': {
      permission: 'unfavorite',
      model: 'activity',
      successStatus: [200],
    },
    'GET /activities/{activity}/image': {
      model: 'binary',
    },
    'GET /activities/{activity}/image/{size}': {
      model: 'binary',
    },
    'GET /activities/{activity}/file/download': {
      model: 'binary',
    },
    'GET /contexts': {
      model: 'context',
      list: true,
      paginated: true,
    },
    'POST /contexts': {
      model: 'context',
    },
    'GET /contexts/public': {
      model: 'context',
      list: true,
      paginated: true,
    },
    'GET /contexts/{hash}': {
      model: 'context',
    },
    'PUT /contexts/{hash}': {
      permission: 'modify_context',
      model: 'context',
    },
    'DELETE /contexts/{hash}': {
      model: 'empty',
    },
    'GET /contexts/{hash}/avatar': {
      model: 'binary',
    },
    'POST /contexts/{hash}/permissions/{username}/defaults': {
      permission: 'manage_subcription_permissions',
      model: 'subscription',
      successStatus: [200],
    },
    'PUT /contexts/{hash}/permissions/{username}/{permission}': {
      permission: 'manage_subcription_permissions',
      model: 'subscription',
      successStatus: [201, 200],
    },
    'DELETE /contexts/{hash}/permissions/{username}/{permission}': {
      permission: 'manage_subcription_permissions',
      model: 'subscription',
      successStatus: [201, 200],
    },
    'GET /contexts/{hash}/activities': {
      permission: 'list_activities',
      model: 'activity',
      list: true,
      paginated: true,
      pagination: BY_LAST_COMMENT,
    },
    'POST /contexts/{hash}/activities': {
      model: 'activity',
      upload: true,
    },
    'GET /contexts/{hash}/comments': {
      permission: 'list_comments',
      model: 'activity',
      list: true,
      paginated: true,
    },
    'GET /contexts/{hash}/activities/authors': {
      permission: 'list_activities',
      model: 'actor',
      list: true,
    },
    'GET /contexts/{hash}/subscriptions': {
      permission: 'view_subscriptions',
      model: 'contextSubscriber',
      list: true,
    },
    'POST /contexts/{hash}/subscriptions': {
      permission: 'add_subscription',
      model: 'activity',
    },
    'DELETE /contexts/{hash}/subscriptions/{username}': {
      permission: 'remove_subscription',
      model: 'empty',
    },
    'GET /contexts/{hash}/unsubscriptionpush': {
      permission: 'view_subscriptions',
      model: 'usernameEntry',
      list: true,
    },
    'POST /contexts/{hash}/unsubscriptionpush/{username}': {
      permission: 'add_subscription',
      model: 'activity',
    },
    'DELETE /contexts/{hash}/subscriptionpush/{username}': {
      permission: 'remove_subscription',
      model: 'empty',
    },
    'GET /contexts/{hash}/tags': {
      model: 'tag',
      list: true,
    },
    'PUT /contexts/{hash}/tags': {
      permission: 'modify_context',
      model: 'tag',
      list: true,
    },
    'DELETE /contexts/{hash}/tags': {
      permission: 'modify_context',
      model: 'none',
      list: true,
      successStatus: [200],
    },
    'DELETE /contexts/{hash}/tags/{tag}': {
      permission: 'modify_context',
      model: 'empty',
    },
    'GET /conversations': {
      model: 'conversation',
      list: true,
    },
    'POST /conversations': {
      model: 'message',
      successStatus: [201],
      upload: true,
    },
    'DELETE /conversations': {
      permission: 'purge_conversations',
      model: 'empty',
    },
    'GET /conversations/active': {
      model: 'conversation',
      list: true,
    },
    'GET /conversations/{id}': {
      model: 'conversation',
    },
    'PUT /conversations/{id}': {
      model: 'conversation',
    },
    'DELETE /conversations/{id}': {
      model: 'empty',
    },
    'PUT /conversations/{id}/owner': {
      permission: 'transfer_ownership',
      model: 'conversation',
    },
    'GET /conversations/{id}/avatar': {
      model: 'binary',
    },
    'GET /people/{username}/conversations/{id}': {
      model: 'conversation',
    },
    'POST /people/{username}/conversations/{id}': {
      permission: 'add_conversation_participant',
      permissionLabel: 'Add a participant to a conversation',
      summary: 'Old form of adding a participant to a conversation',
      count: false,
      restParams: [],
      queryParams: [],
      searchParams: false,
      paginated: false,
      upload: false,
      model: 'activity',
      list: false,
      successStatus: [201, 200],
      deprecated: {
        rewritesTo: {
          method: 'POST',
          pattern: '/conversations/{id}/participants',
        },
      },
    },
    'DELETE /people/{username}/conversations/{id}': {
      permission: 'delete_conversation_participant',
      permissionLabel: 'Delete a participant from a conversation',
      summary: 'Old form of removing a participant from a conversation',
      count: false,
      restParams: [],
      queryParams: [],
      searchParams: false,
      paginated: false,
      upload: false,
      model: 'empty',
      list: false,
      successStatus: [204],
      deprecated: {
        rewritesTo: {
          method: 'DELETE',
          pattern: '/conversations/{id}/participants/{username}',
        },
      },
    },
    'POST /conversations/{id}/participants': {
      permission: 'add_conversation_participant',
      model: 'activity',
    },
    'DELETE /conversations/{id}/participants/{username}': {
      permission: 'delete_conversation_participant',
      model: 'empty',
    },
    'GET /conversations/{id}/messages': {
      permission: 'list_messages',
      model: 'message',
      list: true,
      paginated: true,
      pagination: {
        cursor: 'id',
        order: 'oldest-first',
      },
    },
    'POST /conversations/{id}/messages': {
      permission: 'add_message',
      model: 'message',
      successStatus: [201],
      upload: true,
    },
    'POST /people/{username}/conversations/{id}/messages': {
      permission: 'add_message',
      model: 'message',
      successStatus: [201],
      upload: true,
    },
    'GET /messages': {
      permission: 'list_messages',
      model: 'message',
      list: true,
      paginated: true,
    },
    'GET /messages/{id}/image': {
      permission: 'view_message',
      model: 'binary',
    },
    'GET /messages/{id}/image/{size}': {
      permission: 'view_message',
      model: 'binary',
    },
    'GET /messages/{id}/file/download': {
      permission: 'view_message',
      model: 'binary',
    },
    'GET /info': {
      model: 'info',
    },
    'GET /info/settings': {
      permission: 'view_server_settings',
      model: 'settings',
    },
    'GET /admin/security': {
      permission: 'manage_security',
      model: 'security',
    },
    'GET /admin/security/roles/{role}/users/{user}': {
      permission: 'manage_security',
      model: 'userRoles',
    },
    'POST /admin/security/roles/{role}/users/{user}': {
      permission: 'manage_security',
      model: 'username',
      list: true,
    },
    'DELETE /admin/security/roles/{role}/users/{user}': {
      permission: 'manage_security',
      model: 'empty',
    },
    'GET /admin/security/users': {
      permission: 'manage_security',
      model: 'userRoleList',
      list: true,
    },
    'POST /admin/maintenance/keywords': {
      permission: 'do_maintenance',
      model: 'none',
      list: true,
      successStatus: [200],
    },
    'POST /admin/maintenance/dates': {
      permission: 'do_maintenance',
      model: 'none',
      list: true,
      successStatus: [200],
    },
    'POST /admin/maintenance/subscriptions': {
      permission: 'do_maintenance',
      model: 'none',
      list: true,
      successStatus: [200],
    },
    'POST /admin/maintenance/conversations': {
      permission: 'do_maintenance',
      model: 'none',
      list: true,
      successStatus: [200],
    },
    'POST /admin/maintenance/users': {
      permission: 'do_maintenance',
      model: 'none',
      list: true,
      successStatus: [200],
    },
    'POST /admin/maintenance/tokens': {
      permission: 'do_maintenance',
      model: 'none',
      list: true,
      successStatus: [200],
    },
    'GET /admin/maintenance/exceptions': {
      permission: 'do_maintenance',
      model: 'exceptionSummary',
      list: true,
    },
    'GET /admin/maintenance/exceptions/{hash}': {
      permission: 'do_maintenance',
      model: 'exception',
    },
    'DELETE /admin/maintenance/exceptions/{hash}': {
      permission: 'do_maintenance',
      model: 'empty',
    },
  },
  extraRoutes: [
    {
      id: 'info_api',
      pattern: '/info/api',
      category: 'Management',
      name: 'Api endpoints definition',
      filesystem: false,
      actorNotRequired: [],
      params: [],
      methods: {
        GET: {
          permission: 'Anonymous',
          permissionLabel: 'Anonymous',
          summary: 'Describe every route the server exposes',
          count: false,
          restParams: [],
          queryParams: [
            {
              name: 'by_category',
              required: false,
            },
          ],
          searchParams: false,
          paginated: false,
          upload: false,
          model: 'apiDescription',
          list: false,
          successStatus: [200],
        },
      },
    },
    {
      id: 'dep_user_device_token',
      pattern: '/people/{username}/device/{platform}/{token}',
      category: 'Tokens',
      name: 'Device token (deprecated form)',
      filesystem: false,
      actorNotRequired: [],
      params: ['username', 'platform', 'token'],
      methods: {
        POST: {
          permission: 'add_token',
          permissionLabel: 'Add a new device token',
          summary: 'Old form of registering a push device token (answers the actor profile)',
          count: false,
          restParams: [],
          queryParams: [],
          searchParams: false,
          paginated: false,
          upload: false,
          model: 'person',
          list: false,
          successStatus: [201],
          deprecated: {
            rewritesTo: {
              method: 'POST',
              pattern: '/tokens',
            },
          },
        },
        DELETE: {
          permission: 'delete_token',
          permissionLabel: 'Delete a device token',
          summary: 'Old form of removing one push device token',
          count: false,
          restParams: [],
          queryParams: [],
          searchParams: false,
          paginated: false,
          upload: false,
          model: 'empty',
          list: false,
          successStatus: [204],
          deprecated: {
            rewritesTo: {
              method: 'DELETE',
              pattern: '/tokens/{token}',
            },
          },
        },
      },
      deprecated: true,
    },
    {
      id: 'dep_user_subscriptions',
      pattern: '/people/{username}/subscriptions/{hash}',
      category: 'Contexts',
      name: 'Subscription (deprecated form)',
      filesystem: false,
      actorNotRequired: [],
      params: ['username', 'hash'],
      methods: {
        DELETE: {
          permission: 'remove_subscription',
          permissionLabel: 'Unsubscribe an user to a context',
          summary: 'Old form of unsubscribing a user from a context',
          count: false,
          restParams: [],
          queryParams: [],
          searchParams: false,
          paginated: false,
          upload: false,
          model: 'empty',
          list: false,
          successStatus: [204],
          deprecated: {
            rewritesTo: {
              method: 'DELETE',
              pattern: '/contexts/{hash}/subscriptions/{username}',
            },
          },
        },
      },
      deprecated: true,
    },
  ],
} as const satisfies CatalogOverrides
