// Generated file: what a MAX server's GET /info/api says about each route. Regenerate it with
// `pnpm --filter @maxclient/resources sync --from <url-or-file>` instead of editing by hand; facts the
// document lacks (models, paging, uploads, deprecated forms...) go in catalog.overrides.ts.
import type { InfoRouteSpec } from './spec.js'

/** Every MAX route as GET /info/api describes it (generated); {@link catalog} is this merged with {@link catalogOverrides}. */
export const generatedCatalog = [
  {
    "id": "users",
    "pattern": "/people",
    "category": "User",
    "name": "Users",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "List visible people",
        "summary": "Search the people visible to you (reduced profiles)",
        "count": false,
        "restParams": [],
        "queryParams": [
          {
            "name": "username",
            "required": false
          },
          {
            "name": "twitter_enabled",
            "required": false
          },
          {
            "name": "max_users",
            "required": false
          }
        ],
        "searchParams": true
      },
      "POST": {
        "permissionLabel": "Add people",
        "summary": "Create a user, or get the existing one back",
        "count": false,
        "restParams": [],
        "queryParams": [
          {
            "name": "notifications",
            "required": false
          }
        ],
        "searchParams": false
      }
    }
  },
  {
    "id": "user",
    "pattern": "/people/{username}",
    "category": "User",
    "name": "User",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View user profile",
        "summary": "Read a user profile",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "PUT": {
        "permissionLabel": "Modify user profile",
        "summary": "Change fields of a user profile",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Delete user",
        "summary": "Delete a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "avatar",
    "pattern": "/people/{username}/avatar",
    "category": "User",
    "name": "User avatar",
    "filesystem": true,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "Anonymous",
        "summary": "Download the avatar image of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "POST": {
        "permissionLabel": "Modify a user's avatar",
        "summary": "Upload a new avatar image for a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "avatar_sizes",
    "pattern": "/people/{username}/avatar/{size}",
    "category": "User",
    "name": "User avatar sizes",
    "filesystem": true,
    "params": [
      "username",
      "size"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "Anonymous",
        "summary": "Download a user avatar at a given size",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "user_activities",
    "pattern": "/people/{username}/activities",
    "category": "Activities",
    "name": "User activities",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activities",
        "summary": "List the activities a user has posted",
        "count": true,
        "restParams": [],
        "queryParams": [
          {
            "name": "context",
            "required": false
          }
        ],
        "searchParams": true
      },
      "POST": {
        "permissionLabel": "Add activity",
        "summary": "Post an activity on a user timeline",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "timeline",
    "pattern": "/people/{username}/timeline",
    "category": "Activities",
    "name": "User Timeline",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View user timeline activities",
        "summary": "List the timeline of a user: own, followed and subscribed posts",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "timeline_authors",
    "pattern": "/people/{username}/timeline/authors",
    "category": "Activities",
    "name": "User Timeline authors",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View user timeline activities",
        "summary": "List the latest distinct authors in a user timeline",
        "count": true,
        "restParams": [],
        "queryParams": [
          {
            "name": "limit",
            "required": false
          }
        ],
        "searchParams": false
      }
    }
  },
  {
    "id": "user_comments",
    "pattern": "/people/{username}/comments",
    "category": "Comments",
    "name": "User comments",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activity comments",
        "summary": "List the comments a user has written",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "subscriptions",
    "pattern": "/people/{username}/subscriptions",
    "category": "Subscriptions",
    "name": "User subscriptions",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View all subscriptions of user to a context",
        "summary": "List the contexts a user is subscribed to",
        "count": false,
        "restParams": [],
        "queryParams": [
          {
            "name": "tags",
            "required": false
          }
        ],
        "searchParams": false
      }
    }
  },
  {
    "id": "unsubscriptionpush",
    "pattern": "/people/{username}/unsubscriptionpush",
    "category": "Subscriptions",
    "name": "User unsubscriptionsPush",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View all subscriptions of user to a context",
        "summary": "List the subscriptions of a user with push notifications off",
        "count": false,
        "restParams": [],
        "queryParams": [
          {
            "name": "tags",
            "required": false
          }
        ],
        "searchParams": false
      }
    }
  },
  {
    "id": "user_tokens",
    "pattern": "/people/{username}/tokens",
    "category": "Tokens",
    "name": "User device tokens",
    "filesystem": false,
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "List and query tokens",
        "summary": "List the push device tokens of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Delete a device token",
        "summary": "Remove every push device token of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "user_platform_tokens",
    "pattern": "/people/{username}/tokens/platforms/{platform}",
    "category": "Tokens",
    "name": "User device tokens by platform",
    "filesystem": false,
    "params": [
      "username",
      "platform"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "List and query tokens",
        "summary": "List the push tokens of a user for one platform",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Delete a device token",
        "summary": "Remove the push tokens of a user for one platform",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "tokens",
    "pattern": "/tokens",
    "category": "Tokens",
    "name": "Device tokens",
    "filesystem": false,
    "params": [],
    "methods": {
      "POST": {
        "permissionLabel": "Add a new device token",
        "summary": "Register a push device token for the current user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "token",
    "pattern": "/tokens/{token}",
    "category": "Tokens",
    "name": "Device token",
    "filesystem": false,
    "params": [
      "token"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Delete a device token",
        "summary": "Remove one push device token",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_push_tokens",
    "pattern": "/contexts/{hash}/tokens",
    "category": "Tokens",
    "name": "Context tokens",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "List and query tokens",
        "summary": "List the push tokens of the subscribers of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "conversation_push_tokens",
    "pattern": "/conversations/{id}/tokens",
    "category": "Tokens",
    "name": "Conversation tokens",
    "filesystem": false,
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "List and query tokens",
        "summary": "List the push tokens of the participants of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "comments",
    "pattern": "/activities/comments",
    "category": "Comments",
    "name": "Comments (Global)",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "View activity comments",
        "summary": "List comments across all activities",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "activities",
    "pattern": "/activities",
    "category": "Activities",
    "name": "Activities",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "View activities",
        "summary": "List activities across the whole server",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "activity",
    "pattern": "/activities/{activity}",
    "category": "Activities",
    "name": "Activity",
    "filesystem": false,
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activity",
        "summary": "Read one activity",
        "count": false,
        "restParams": [
          {
            "name": "activity",
            "required": true
          }
        ],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Delete activity",
        "summary": "Delete one activity",
        "count": false,
        "restParams": [
          {
            "name": "activity",
            "required": true
          }
        ],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "activity_comments",
    "pattern": "/activities/{activity}/comments",
    "category": "Comments",
    "name": "Activity comments",
    "filesystem": false,
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activity comments",
        "summary": "List the comments of an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "POST": {
        "permissionLabel": "Add a comment to an activity",
        "summary": "Comment on an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "activity_comment",
    "pattern": "/activities/{activity}/comments/{comment}",
    "category": "Comments",
    "name": "Activity comment",
    "filesystem": false,
    "params": [
      "activity",
      "comment"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Delete a activity comment",
        "summary": "Delete a comment of an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "flag",
    "pattern": "/activities/{activity}/flag",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "params": [
      "activity"
    ],
    "methods": {
      "POST": {
        "permissionLabel": "Flag an activity",
        "summary": "Flag (pin) an activity in its context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Unflag an activity",
        "summary": "Remove the flag from an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "likes",
    "pattern": "/activities/{activity}/likes",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "params": [
      "activity"
    ],
    "methods": {
      "POST": {
        "permissionLabel": "Like an activity",
        "summary": "Like an activity as the current actor",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "like",
    "pattern": "/activities/{activity}/likes/{username}",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "params": [
      "activity",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Unlike an activity",
        "summary": "Withdraw the like a user gave an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "favorites",
    "pattern": "/activities/{activity}/favorites",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "params": [
      "activity"
    ],
    "methods": {
      "POST": {
        "permissionLabel": "Favorite an activity",
        "summary": "Mark an activity as a favorite of the current actor",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "favorite",
    "pattern": "/activities/{activity}/favorites/{username}",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "params": [
      "activity",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Unfavorite an activity",
        "summary": "Remove an activity from the favorites of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "activity_image",
    "pattern": "/activities/{activity}/image",
    "category": "Activities",
    "name": "Image",
    "filesystem": false,
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activity",
        "summary": "Download the image attached to an activity",
        "count": false,
        "restParams": [
          {
            "name": "activity",
            "required": true
          },
          {
            "name": "size",
            "required": true
          }
        ],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "activity_image_sizes",
    "pattern": "/activities/{activity}/image/{size}",
    "category": "Activities",
    "name": "Named size Image",
    "filesystem": false,
    "params": [
      "activity",
      "size"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activity",
        "summary": "Download the image of an activity at a given size",
        "count": false,
        "restParams": [
          {
            "name": "activity",
            "required": true
          },
          {
            "name": "size",
            "required": true
          }
        ],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "activity_file_download",
    "pattern": "/activities/{activity}/file/download",
    "category": "Activities",
    "name": "File",
    "filesystem": false,
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activity",
        "summary": "Download the file attached to an activity",
        "count": false,
        "restParams": [
          {
            "name": "activity",
            "required": true
          }
        ],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "contexts",
    "pattern": "/contexts",
    "category": "Contexts",
    "name": "Contexts",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "List contexts",
        "summary": "Search all contexts",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      },
      "POST": {
        "permissionLabel": "Add context",
        "summary": "Create a context, or get the existing one back",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "public_contexts",
    "pattern": "/contexts/public",
    "category": "Contexts",
    "name": "Public contexts",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "List public contexts",
        "summary": "List the contexts anyone may subscribe to",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "context",
    "pattern": "/contexts/{hash}",
    "category": "Contexts",
    "name": "Context",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View context",
        "summary": "Read one context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "PUT": {
        "permissionLabel": "Can modify context",
        "summary": "Change fields of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Delete context",
        "summary": "Delete a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_avatar",
    "pattern": "/contexts/{hash}/avatar",
    "category": "Contexts",
    "name": "Context avatar",
    "filesystem": true,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "Anonymous",
        "summary": "Download the avatar image of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_user_permissions_defaults",
    "pattern": "/contexts/{hash}/permissions/{username}/defaults",
    "category": "Contexts",
    "name": "Context permissions defaults",
    "filesystem": false,
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "POST": {
        "permissionLabel": "Grant or revoke permissions on a subscription",
        "summary": "Reset the permissions of a subscriber to the context defaults",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_user_permission",
    "pattern": "/contexts/{hash}/permissions/{username}/{permission}",
    "category": "Contexts",
    "name": "Context permission",
    "filesystem": false,
    "params": [
      "hash",
      "username",
      "permission"
    ],
    "methods": {
      "PUT": {
        "permissionLabel": "Grant or revoke permissions on a subscription",
        "summary": "Grant one context permission to a subscriber",
        "count": false,
        "restParams": [],
        "queryParams": [
          {
            "name": "permanent",
            "required": false
          }
        ],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Grant or revoke permissions on a subscription",
        "summary": "Revoke one context permission from a subscriber",
        "count": false,
        "restParams": [],
        "queryParams": [
          {
            "name": "permanent",
            "required": false
          }
        ],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_activities",
    "pattern": "/contexts/{hash}/activities",
    "category": "Activities",
    "name": "Context activities",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activities",
        "summary": "List the activities posted in a context",
        "count": true,
        "restParams": [
          {
            "name": "hash",
            "required": true
          }
        ],
        "queryParams": [],
        "searchParams": true
      },
      "POST": {
        "permissionLabel": "Add activity",
        "summary": "Post an activity in a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_comments",
    "pattern": "/contexts/{hash}/comments",
    "category": "Comments",
    "name": "Context comments",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activity comments",
        "summary": "List the comments written in a context",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "context_activities_authors",
    "pattern": "/contexts/{hash}/activities/authors",
    "category": "Activities",
    "name": "Context authors",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View activities",
        "summary": "List the latest distinct authors in a context",
        "count": true,
        "restParams": [],
        "queryParams": [
          {
            "name": "limit",
            "required": false
          }
        ],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_subscriptions",
    "pattern": "/contexts/{hash}/subscriptions",
    "category": "Contexts",
    "name": "Users subscribed to context",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View all subscriptions of user to a context",
        "summary": "List the subscribers of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      },
      "POST": {
        "permissionLabel": "Subscribe an user to a context",
        "summary": "Subscribe a user to a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_subscription",
    "pattern": "/contexts/{hash}/subscriptions/{username}",
    "category": "Contexts",
    "name": "User subscription",
    "filesystem": false,
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Unsubscribe an user to a context",
        "summary": "Unsubscribe a user from a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_users_unsubscriptionpush",
    "pattern": "/contexts/{hash}/unsubscriptionpush",
    "category": "Contexts",
    "name": "Users unsubscribed push to context",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View all subscriptions of user to a context",
        "summary": "List the subscribers of a context with push notifications off",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "context_unsubscriptionpush",
    "pattern": "/contexts/{hash}/unsubscriptionpush/{username}",
    "category": "Contexts",
    "name": "User unsubscribed push",
    "filesystem": false,
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "POST": {
        "permissionLabel": "Subscribe an user to a context",
        "summary": "Turn push notifications off for a subscriber of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_subscriptionpush",
    "pattern": "/contexts/{hash}/subscriptionpush/{username}",
    "category": "Contexts",
    "name": "User subscription push",
    "filesystem": false,
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Unsubscribe an user to a context",
        "summary": "Turn push notifications back on for a subscriber of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_tags",
    "pattern": "/contexts/{hash}/tags",
    "category": "Contexts",
    "name": "Context tags",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View context",
        "summary": "List the tags of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "PUT": {
        "permissionLabel": "Can modify context",
        "summary": "Add tags to a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Can modify context",
        "summary": "Remove every tag from a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "context_tag",
    "pattern": "/contexts/{hash}/tags/{tag}",
    "category": "Contexts",
    "name": "Context tag",
    "filesystem": false,
    "params": [
      "hash",
      "tag"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Can modify context",
        "summary": "Remove one tag from a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "conversations",
    "pattern": "/conversations",
    "category": "Conversations",
    "name": "Conversations",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "List conversations",
        "summary": "List the conversations of the current actor",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "POST": {
        "permissionLabel": "Add conversation",
        "summary": "Start a conversation with its first message",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Delete everyone's conversations",
        "summary": "Delete every conversation on the server",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "conversations_active",
    "pattern": "/conversations/active",
    "category": "Conversations",
    "name": "Active conversations",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "List conversations",
        "summary": "List the conversations with recent messages",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "conversation",
    "pattern": "/conversations/{id}",
    "category": "Conversations",
    "name": "Conversation",
    "filesystem": false,
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View conversation",
        "summary": "Read one conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "PUT": {
        "permissionLabel": "Modify conversation",
        "summary": "Change fields of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Delete conversation",
        "summary": "Delete a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "conversation_owner",
    "pattern": "/conversations/{id}/owner",
    "category": "Conversations",
    "name": "Conversation owner",
    "filesystem": false,
    "params": [
      "id"
    ],
    "methods": {
      "PUT": {
        "permissionLabel": "Transfer a conversation to another user",
        "summary": "Hand the ownership of a conversation to another participant",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "conversation_avatar",
    "pattern": "/conversations/{id}/avatar",
    "category": "Conversations",
    "name": "Conversation avatar",
    "filesystem": true,
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "Anonymous",
        "summary": "Download the avatar image of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "user_conversation",
    "pattern": "/people/{username}/conversations/{id}",
    "category": "Conversations",
    "name": "User conversation",
    "filesystem": false,
    "params": [
      "username",
      "id"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View conversation subscription",
        "summary": "Read a conversation as seen by one participant",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "participants",
    "pattern": "/conversations/{id}/participants",
    "category": "Conversations",
    "name": "Conversation participants",
    "filesystem": false,
    "params": [
      "id"
    ],
    "methods": {
      "POST": {
        "permissionLabel": "Add a participant to a conversation",
        "summary": "Add a participant to a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "participant",
    "pattern": "/conversations/{id}/participants/{username}",
    "category": "Conversations",
    "name": "Conversation participant",
    "filesystem": false,
    "params": [
      "id",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permissionLabel": "Delete a participant from a conversation",
        "summary": "Remove a participant from a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "conversation_messages",
    "pattern": "/conversations/{id}/messages",
    "category": "Conversations",
    "name": "Conversation mesages",
    "filesystem": false,
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View all conversation messages",
        "summary": "List the messages of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      },
      "POST": {
        "permissionLabel": "Add a message to a conversation",
        "summary": "Send a message to a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "user_conversation_messages",
    "pattern": "/people/{username}/conversations/{id}/messages",
    "category": "Conversations",
    "name": "User conversation messages",
    "filesystem": false,
    "params": [
      "username",
      "id"
    ],
    "methods": {
      "POST": {
        "permissionLabel": "Add a message to a conversation",
        "summary": "Send a message to a conversation as a given user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "messages",
    "pattern": "/messages",
    "category": "Messages",
    "name": "All messages",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "View all conversation messages",
        "summary": "List messages across the whole server",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true
      }
    }
  },
  {
    "id": "message_image",
    "pattern": "/messages/{id}/image",
    "category": "Messages",
    "name": "Image",
    "filesystem": false,
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View a conversation message and attachments",
        "summary": "Download the image attached to a message",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "message_image_sizes",
    "pattern": "/messages/{id}/image/{size}",
    "category": "Messages",
    "name": "Named size Image",
    "filesystem": false,
    "params": [
      "id",
      "size"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View a conversation message and attachments",
        "summary": "Download the image of a message at a given size",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "message_file_download",
    "pattern": "/messages/{id}/file/download",
    "category": "Messages",
    "name": "File",
    "filesystem": false,
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "View a conversation message and attachments",
        "summary": "Download the file attached to a message",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "info",
    "pattern": "/info",
    "category": "Management",
    "name": "Public settings",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "Anonymous",
        "summary": "Read the public settings of the server",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "info_settings",
    "pattern": "/info/settings",
    "category": "Management",
    "name": "Restricted settings",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "View detailed server settings",
        "summary": "Read the private settings of the server",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "admin_security",
    "pattern": "/admin/security",
    "category": "Management",
    "name": "Security settings",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "Manage security settings",
        "summary": "Read the global roles and who holds them",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "admin_security_role_user",
    "pattern": "/admin/security/roles/{role}/users/{user}",
    "category": "Management",
    "name": "User role",
    "filesystem": false,
    "params": [
      "role",
      "user"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "Manage security settings",
        "summary": "Check whether a user holds a global role",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "POST": {
        "permissionLabel": "Manage security settings",
        "summary": "Give a global role to a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Manage security settings",
        "summary": "Take a global role away from a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "admin_security_users",
    "pattern": "/admin/security/users",
    "category": "Management",
    "name": "Users with security",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "Manage security settings",
        "summary": "List users with the global roles they hold",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_keywords",
    "pattern": "/admin/maintenance/keywords",
    "category": "Management",
    "name": "Keywords maintenance",
    "filesystem": false,
    "params": [],
    "methods": {
      "POST": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Rebuild the keyword index of every activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_dates",
    "pattern": "/admin/maintenance/dates",
    "category": "Management",
    "name": "Dates maintenance",
    "filesystem": false,
    "params": [],
    "methods": {
      "POST": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Recompute the last-update dates of every activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_subscriptions",
    "pattern": "/admin/maintenance/subscriptions",
    "category": "Management",
    "name": "Subscriptions maintenance",
    "filesystem": false,
    "params": [],
    "methods": {
      "POST": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the subscription lists of every user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_conversations",
    "pattern": "/admin/maintenance/conversations",
    "category": "Management",
    "name": "Conversations maintenance",
    "filesystem": false,
    "params": [],
    "methods": {
      "POST": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the participant lists of every conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_users",
    "pattern": "/admin/maintenance/users",
    "category": "Management",
    "name": "Users Maintenance",
    "filesystem": false,
    "params": [],
    "methods": {
      "POST": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the internal fields of every user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_tokens",
    "pattern": "/admin/maintenance/tokens",
    "category": "Management",
    "name": "Tokens Maintenance",
    "filesystem": false,
    "params": [],
    "methods": {
      "POST": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the owner fields of every push token",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_exceptions",
    "pattern": "/admin/maintenance/exceptions",
    "category": "Management",
    "name": "Error Exception list",
    "filesystem": false,
    "params": [],
    "methods": {
      "GET": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "List the exceptions the server has logged",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  },
  {
    "id": "maintenance_exception",
    "pattern": "/admin/maintenance/exceptions/{hash}",
    "category": "Management",
    "name": "Error Exception",
    "filesystem": false,
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Read one logged exception with its traceback",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      },
      "DELETE": {
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Delete one logged exception",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false
      }
    }
  }
] as const satisfies readonly InfoRouteSpec[]
