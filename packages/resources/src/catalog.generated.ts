// Generated file: the MAX route catalog. Regenerate it with
// `pnpm --filter @maxclient/resources sync --from <url-or-file>` instead of editing by hand.
import type { RouteSpec } from './spec.js'

export const catalog = [
  {
    "id": "users",
    "pattern": "/people",
    "category": "User",
    "name": "Users",
    "filesystem": false,
    "actorNotRequired": [
      "POST"
    ],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_visible_people",
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
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first",
          "modes": [
            {
              "param": "max_users",
              "cursor": "username",
              "cursorParam": "after",
              "note": "max_users lists people in ascending username order, where before/after take usernames"
            }
          ]
        },
        "upload": false,
        "model": "personSummary",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_people",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "person",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "user",
    "pattern": "/people/{username}",
    "category": "User",
    "name": "User",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "view_user_profile",
        "permissionLabel": "View user profile",
        "summary": "Read a user profile",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "person",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_people",
        "permissionLabel": "Add people",
        "summary": "Old form of creating a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "person",
        "list": false,
        "successStatus": [
          201,
          200
        ],
        "deprecated": {
          "rewritesTo": {
            "method": "POST",
            "pattern": "/people"
          }
        }
      },
      "PUT": {
        "permission": "modify_user",
        "permissionLabel": "Modify user profile",
        "summary": "Change fields of a user profile",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "person",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "delete_user",
        "permissionLabel": "Delete user",
        "summary": "Delete a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "avatar",
    "pattern": "/people/{username}/avatar",
    "category": "User",
    "name": "User avatar",
    "filesystem": true,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "Anonymous",
        "permissionLabel": "Anonymous",
        "summary": "Download the avatar image of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "modify_avatar",
        "permissionLabel": "Modify a user's avatar",
        "summary": "Upload a new avatar image for a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": true,
        "uploadForm": "file",
        "model": "avatarUpdated",
        "list": false,
        "successStatus": [
          201
        ]
      }
    }
  },
  {
    "id": "avatar_sizes",
    "pattern": "/people/{username}/avatar/{size}",
    "category": "User",
    "name": "User avatar sizes",
    "filesystem": true,
    "actorNotRequired": [],
    "params": [
      "username",
      "size"
    ],
    "methods": {
      "GET": {
        "permission": "Anonymous",
        "permissionLabel": "Anonymous",
        "summary": "Download a user avatar at a given size",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "user_activities",
    "pattern": "/people/{username}/activities",
    "category": "Activities",
    "name": "User activities",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "list_activities",
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
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "activity",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_activity",
        "permissionLabel": "Add activity",
        "summary": "Post an activity on a user timeline",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": true,
        "uploadForm": "json_data+file",
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "timeline",
    "pattern": "/people/{username}/timeline",
    "category": "Activities",
    "name": "User Timeline",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "view_timeline",
        "permissionLabel": "View user timeline activities",
        "summary": "List the timeline of a user: own, followed and subscribed posts",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first",
          "modes": [
            {
              "param": "priority",
              "value": "comments",
              "cursor": "lastComment",
              "note": "priority=comments orders by last comment, and before takes the lastComment value"
            },
            {
              "param": "sortBy",
              "value": "comments",
              "unless": [
                "sort",
                "priority"
              ],
              "cursor": "lastComment",
              "note": "sortBy=comments (deprecated) means priority=comments, and before takes the lastComment value"
            }
          ]
        },
        "upload": false,
        "model": "activity",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "timeline_authors",
    "pattern": "/people/{username}/timeline/authors",
    "category": "Activities",
    "name": "User Timeline authors",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "view_timeline",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "actor",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "user_comments",
    "pattern": "/people/{username}/comments",
    "category": "Comments",
    "name": "User comments",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "list_comments",
        "permissionLabel": "View activity comments",
        "summary": "List the comments a user has written",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "activity",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "subscriptions",
    "pattern": "/people/{username}/subscriptions",
    "category": "Subscriptions",
    "name": "User subscriptions",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "view_subscriptions",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "subscription",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_subscription",
        "permissionLabel": "Subscribe an user to a context",
        "summary": "Old form of subscribing a user to a context (the context URL goes in object.url)",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ],
        "deprecated": {
          "rewritesTo": {
            "method": "POST",
            "pattern": "/contexts/{hash}/subscriptions"
          }
        }
      }
    }
  },
  {
    "id": "unsubscriptionpush",
    "pattern": "/people/{username}/unsubscriptionpush",
    "category": "Subscriptions",
    "name": "User unsubscriptionsPush",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "view_subscriptions",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "subscription",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "user_tokens",
    "pattern": "/people/{username}/tokens",
    "category": "Tokens",
    "name": "User device tokens",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username"
    ],
    "methods": {
      "GET": {
        "permission": "list_tokens",
        "permissionLabel": "List and query tokens",
        "summary": "List the push device tokens of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "tokenListItem",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "delete_token",
        "permissionLabel": "Delete a device token",
        "summary": "Remove every push device token of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "user_platform_tokens",
    "pattern": "/people/{username}/tokens/platforms/{platform}",
    "category": "Tokens",
    "name": "User device tokens by platform",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username",
      "platform"
    ],
    "methods": {
      "GET": {
        "permission": "list_tokens",
        "permissionLabel": "List and query tokens",
        "summary": "List the push tokens of a user for one platform",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "tokenListItem",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "delete_token",
        "permissionLabel": "Delete a device token",
        "summary": "Remove the push tokens of a user for one platform",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "tokens",
    "pattern": "/tokens",
    "category": "Tokens",
    "name": "Device tokens",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "POST": {
        "permission": "add_token",
        "permissionLabel": "Add a new device token",
        "summary": "Register a push device token for the current user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "token",
        "list": false,
        "successStatus": [
          201
        ]
      }
    }
  },
  {
    "id": "token",
    "pattern": "/tokens/{token}",
    "category": "Tokens",
    "name": "Device token",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "token"
    ],
    "methods": {
      "DELETE": {
        "permission": "delete_token",
        "permissionLabel": "Delete a device token",
        "summary": "Remove one push device token",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "context_push_tokens",
    "pattern": "/contexts/{hash}/tokens",
    "category": "Tokens",
    "name": "Context tokens",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "list_tokens",
        "permissionLabel": "List and query tokens",
        "summary": "List the push tokens of the subscribers of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "tokenListItem",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "conversation_push_tokens",
    "pattern": "/conversations/{id}/tokens",
    "category": "Tokens",
    "name": "Conversation tokens",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permission": "list_tokens",
        "permissionLabel": "List and query tokens",
        "summary": "List the push tokens of the participants of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "tokenListItem",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "comments",
    "pattern": "/activities/comments",
    "category": "Comments",
    "name": "Comments (Global)",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_comments",
        "permissionLabel": "View activity comments",
        "summary": "List comments across all activities",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "activity",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "activities",
    "pattern": "/activities",
    "category": "Activities",
    "name": "Activities",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_activities",
        "permissionLabel": "View activities",
        "summary": "List activities across the whole server",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "activity",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "activity",
    "pattern": "/activities/{activity}",
    "category": "Activities",
    "name": "Activity",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permission": "view_activity",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "delete_activity",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "activity_comments",
    "pattern": "/activities/{activity}/comments",
    "category": "Comments",
    "name": "Activity comments",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permission": "list_comments",
        "permissionLabel": "View activity comments",
        "summary": "List the comments of an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "comment",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_comment",
        "permissionLabel": "Add a comment to an activity",
        "summary": "Comment on an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201
        ]
      }
    }
  },
  {
    "id": "activity_comment",
    "pattern": "/activities/{activity}/comments/{comment}",
    "category": "Comments",
    "name": "Activity comment",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity",
      "comment"
    ],
    "methods": {
      "DELETE": {
        "permission": "delete_comment",
        "permissionLabel": "Delete a activity comment",
        "summary": "Delete a comment of an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "flag",
    "pattern": "/activities/{activity}/flag",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity"
    ],
    "methods": {
      "POST": {
        "permission": "flag",
        "permissionLabel": "Flag an activity",
        "summary": "Flag (pin) an activity in its context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      },
      "DELETE": {
        "permission": "unflag",
        "permissionLabel": "Unflag an activity",
        "summary": "Remove the flag from an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "likes",
    "pattern": "/activities/{activity}/likes",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity"
    ],
    "methods": {
      "POST": {
        "permission": "like",
        "permissionLabel": "Like an activity",
        "summary": "Like an activity as the current actor",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "like",
    "pattern": "/activities/{activity}/likes/{username}",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permission": "unlike",
        "permissionLabel": "Unlike an activity",
        "summary": "Withdraw the like a user gave an activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "favorites",
    "pattern": "/activities/{activity}/favorites",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity"
    ],
    "methods": {
      "POST": {
        "permission": "favorite",
        "permissionLabel": "Favorite an activity",
        "summary": "Mark an activity as a favorite of the current actor",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "favorite",
    "pattern": "/activities/{activity}/favorites/{username}",
    "category": "Activities",
    "name": null,
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permission": "unfavorite",
        "permissionLabel": "Unfavorite an activity",
        "summary": "Remove an activity from the favorites of a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "activity_image",
    "pattern": "/activities/{activity}/image",
    "category": "Activities",
    "name": "Image",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permission": "view_activity",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "activity_image_sizes",
    "pattern": "/activities/{activity}/image/{size}",
    "category": "Activities",
    "name": "Named size Image",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity",
      "size"
    ],
    "methods": {
      "GET": {
        "permission": "view_activity",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "activity_file_download",
    "pattern": "/activities/{activity}/file/download",
    "category": "Activities",
    "name": "File",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "activity"
    ],
    "methods": {
      "GET": {
        "permission": "view_activity",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "contexts",
    "pattern": "/contexts",
    "category": "Contexts",
    "name": "Contexts",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_contexts",
        "permissionLabel": "List contexts",
        "summary": "Search all contexts",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "context",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_context",
        "permissionLabel": "Add context",
        "summary": "Create a context, or get the existing one back",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "context",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "public_contexts",
    "pattern": "/contexts/public",
    "category": "Contexts",
    "name": "Public contexts",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_public_contexts",
        "permissionLabel": "List public contexts",
        "summary": "List the contexts anyone may subscribe to",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "context",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "context",
    "pattern": "/contexts/{hash}",
    "category": "Contexts",
    "name": "Context",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "view_context",
        "permissionLabel": "View context",
        "summary": "Read one context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "context",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "PUT": {
        "permission": "modify_context",
        "permissionLabel": "Can modify context",
        "summary": "Change fields of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "context",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "delete_context",
        "permissionLabel": "Delete context",
        "summary": "Delete a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "context_avatar",
    "pattern": "/contexts/{hash}/avatar",
    "category": "Contexts",
    "name": "Context avatar",
    "filesystem": true,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "Anonymous",
        "permissionLabel": "Anonymous",
        "summary": "Download the avatar image of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "context_user_permissions_defaults",
    "pattern": "/contexts/{hash}/permissions/{username}/defaults",
    "category": "Contexts",
    "name": "Context permissions defaults",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "POST": {
        "permission": "manage_subcription_permissions",
        "permissionLabel": "Grant or revoke permissions on a subscription",
        "summary": "Reset the permissions of a subscriber to the context defaults",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "subscription",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "context_user_permission",
    "pattern": "/contexts/{hash}/permissions/{username}/{permission}",
    "category": "Contexts",
    "name": "Context permission",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash",
      "username",
      "permission"
    ],
    "methods": {
      "PUT": {
        "permission": "manage_subcription_permissions",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "subscription",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      },
      "DELETE": {
        "permission": "manage_subcription_permissions",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "subscription",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "context_activities",
    "pattern": "/contexts/{hash}/activities",
    "category": "Activities",
    "name": "Context activities",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "list_activities",
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
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first",
          "modes": [
            {
              "param": "priority",
              "value": "comments",
              "cursor": "lastComment",
              "note": "priority=comments orders by last comment, and before takes the lastComment value"
            },
            {
              "param": "sortBy",
              "value": "comments",
              "unless": [
                "sort",
                "priority"
              ],
              "cursor": "lastComment",
              "note": "sortBy=comments (deprecated) means priority=comments, and before takes the lastComment value"
            }
          ]
        },
        "upload": false,
        "model": "activity",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_activity",
        "permissionLabel": "Add activity",
        "summary": "Post an activity in a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": true,
        "uploadForm": "json_data+file",
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "context_comments",
    "pattern": "/contexts/{hash}/comments",
    "category": "Comments",
    "name": "Context comments",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "list_comments",
        "permissionLabel": "View activity comments",
        "summary": "List the comments written in a context",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "activity",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "context_activities_authors",
    "pattern": "/contexts/{hash}/activities/authors",
    "category": "Activities",
    "name": "Context authors",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "list_activities",
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
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "actor",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "context_subscriptions",
    "pattern": "/contexts/{hash}/subscriptions",
    "category": "Contexts",
    "name": "Users subscribed to context",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "view_subscriptions",
        "permissionLabel": "View all subscriptions of user to a context",
        "summary": "List the subscribers of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": false,
        "upload": false,
        "model": "contextSubscriber",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_subscription",
        "permissionLabel": "Subscribe an user to a context",
        "summary": "Subscribe a user to a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "context_subscription",
    "pattern": "/contexts/{hash}/subscriptions/{username}",
    "category": "Contexts",
    "name": "User subscription",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permission": "remove_subscription",
        "permissionLabel": "Unsubscribe an user to a context",
        "summary": "Unsubscribe a user from a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "context_users_unsubscriptionpush",
    "pattern": "/contexts/{hash}/unsubscriptionpush",
    "category": "Contexts",
    "name": "Users unsubscribed push to context",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "view_subscriptions",
        "permissionLabel": "View all subscriptions of user to a context",
        "summary": "List the subscribers of a context with push notifications off",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": false,
        "upload": false,
        "model": "usernameEntry",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "context_unsubscriptionpush",
    "pattern": "/contexts/{hash}/unsubscriptionpush/{username}",
    "category": "Contexts",
    "name": "User unsubscribed push",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "POST": {
        "permission": "add_subscription",
        "permissionLabel": "Subscribe an user to a context",
        "summary": "Turn push notifications off for a subscriber of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "context_subscriptionpush",
    "pattern": "/contexts/{hash}/subscriptionpush/{username}",
    "category": "Contexts",
    "name": "User subscription push",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permission": "remove_subscription",
        "permissionLabel": "Unsubscribe an user to a context",
        "summary": "Turn push notifications back on for a subscriber of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "context_tags",
    "pattern": "/contexts/{hash}/tags",
    "category": "Contexts",
    "name": "Context tags",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "view_context",
        "permissionLabel": "View context",
        "summary": "List the tags of a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "tag",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "PUT": {
        "permission": "modify_context",
        "permissionLabel": "Can modify context",
        "summary": "Add tags to a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "tag",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "modify_context",
        "permissionLabel": "Can modify context",
        "summary": "Remove every tag from a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "none",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "context_tag",
    "pattern": "/contexts/{hash}/tags/{tag}",
    "category": "Contexts",
    "name": "Context tag",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "hash",
      "tag"
    ],
    "methods": {
      "DELETE": {
        "permission": "modify_context",
        "permissionLabel": "Can modify context",
        "summary": "Remove one tag from a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "conversations",
    "pattern": "/conversations",
    "category": "Conversations",
    "name": "Conversations",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_conversations",
        "permissionLabel": "List conversations",
        "summary": "List the conversations of the current actor",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "conversation",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_conversation",
        "permissionLabel": "Add conversation",
        "summary": "Start a conversation with its first message",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": true,
        "uploadForm": "json_data+file",
        "model": "message",
        "list": false,
        "successStatus": [
          201
        ]
      },
      "DELETE": {
        "permission": "purge_conversations",
        "permissionLabel": "Delete everyone's conversations",
        "summary": "Delete every conversation on the server",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "conversations_active",
    "pattern": "/conversations/active",
    "category": "Conversations",
    "name": "Active conversations",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_conversations",
        "permissionLabel": "List conversations",
        "summary": "List the conversations with recent messages",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": false,
        "upload": false,
        "model": "conversation",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "conversation",
    "pattern": "/conversations/{id}",
    "category": "Conversations",
    "name": "Conversation",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permission": "view_conversation",
        "permissionLabel": "View conversation",
        "summary": "Read one conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "conversation",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "PUT": {
        "permission": "modify_conversation",
        "permissionLabel": "Modify conversation",
        "summary": "Change fields of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "conversation",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "delete_conversation",
        "permissionLabel": "Delete conversation",
        "summary": "Delete a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "conversation_owner",
    "pattern": "/conversations/{id}/owner",
    "category": "Conversations",
    "name": "Conversation owner",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "PUT": {
        "permission": "transfer_ownership",
        "permissionLabel": "Transfer a conversation to another user",
        "summary": "Hand the ownership of a conversation to another participant",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "conversation",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "conversation_avatar",
    "pattern": "/conversations/{id}/avatar",
    "category": "Conversations",
    "name": "Conversation avatar",
    "filesystem": true,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permission": "Anonymous",
        "permissionLabel": "Anonymous",
        "summary": "Download the avatar image of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "user_conversation",
    "pattern": "/people/{username}/conversations/{id}",
    "category": "Conversations",
    "name": "User conversation",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username",
      "id"
    ],
    "methods": {
      "GET": {
        "permission": "view_conversation_subscription",
        "permissionLabel": "View conversation subscription",
        "summary": "Read a conversation as seen by one participant",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "conversation",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_conversation_participant",
        "permissionLabel": "Add a participant to a conversation",
        "summary": "Old form of adding a participant to a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ],
        "deprecated": {
          "rewritesTo": {
            "method": "POST",
            "pattern": "/conversations/{id}/participants"
          }
        }
      },
      "DELETE": {
        "permission": "delete_conversation_participant",
        "permissionLabel": "Delete a participant from a conversation",
        "summary": "Old form of removing a participant from a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ],
        "deprecated": {
          "rewritesTo": {
            "method": "DELETE",
            "pattern": "/conversations/{id}/participants/{username}"
          }
        }
      }
    }
  },
  {
    "id": "participants",
    "pattern": "/conversations/{id}/participants",
    "category": "Conversations",
    "name": "Conversation participants",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "POST": {
        "permission": "add_conversation_participant",
        "permissionLabel": "Add a participant to a conversation",
        "summary": "Add a participant to a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "activity",
        "list": false,
        "successStatus": [
          201,
          200
        ]
      }
    }
  },
  {
    "id": "participant",
    "pattern": "/conversations/{id}/participants/{username}",
    "category": "Conversations",
    "name": "Conversation participant",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id",
      "username"
    ],
    "methods": {
      "DELETE": {
        "permission": "delete_conversation_participant",
        "permissionLabel": "Delete a participant from a conversation",
        "summary": "Remove a participant from a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "conversation_messages",
    "pattern": "/conversations/{id}/messages",
    "category": "Conversations",
    "name": "Conversation mesages",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permission": "list_messages",
        "permissionLabel": "View all conversation messages",
        "summary": "List the messages of a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "oldest-first"
        },
        "upload": false,
        "model": "message",
        "list": true,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "add_message",
        "permissionLabel": "Add a message to a conversation",
        "summary": "Send a message to a conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": true,
        "uploadForm": "json_data+file",
        "model": "message",
        "list": false,
        "successStatus": [
          201
        ]
      }
    }
  },
  {
    "id": "user_conversation_messages",
    "pattern": "/people/{username}/conversations/{id}/messages",
    "category": "Conversations",
    "name": "User conversation messages",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username",
      "id"
    ],
    "methods": {
      "POST": {
        "permission": "add_message",
        "permissionLabel": "Add a message to a conversation",
        "summary": "Send a message to a conversation as a given user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": true,
        "uploadForm": "json_data+file",
        "model": "message",
        "list": false,
        "successStatus": [
          201
        ]
      }
    }
  },
  {
    "id": "messages",
    "pattern": "/messages",
    "category": "Messages",
    "name": "All messages",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "list_messages",
        "permissionLabel": "View all conversation messages",
        "summary": "List messages across the whole server",
        "count": true,
        "restParams": [],
        "queryParams": [],
        "searchParams": true,
        "paginated": true,
        "pagination": {
          "cursor": "id",
          "order": "newest-first"
        },
        "upload": false,
        "model": "message",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "message_image",
    "pattern": "/messages/{id}/image",
    "category": "Messages",
    "name": "Image",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permission": "view_message",
        "permissionLabel": "View a conversation message and attachments",
        "summary": "Download the image attached to a message",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "message_image_sizes",
    "pattern": "/messages/{id}/image/{size}",
    "category": "Messages",
    "name": "Named size Image",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id",
      "size"
    ],
    "methods": {
      "GET": {
        "permission": "view_message",
        "permissionLabel": "View a conversation message and attachments",
        "summary": "Download the image of a message at a given size",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "message_file_download",
    "pattern": "/messages/{id}/file/download",
    "category": "Messages",
    "name": "File",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "id"
    ],
    "methods": {
      "GET": {
        "permission": "view_message",
        "permissionLabel": "View a conversation message and attachments",
        "summary": "Download the file attached to a message",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "binary",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "info",
    "pattern": "/info",
    "category": "Management",
    "name": "Public settings",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "Anonymous",
        "permissionLabel": "Anonymous",
        "summary": "Read the public settings of the server",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "info",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "info_api",
    "pattern": "/info/api",
    "category": "Management",
    "name": "Api endpoints definition",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "Anonymous",
        "permissionLabel": "Anonymous",
        "summary": "Describe every route the server exposes",
        "count": false,
        "restParams": [],
        "queryParams": [
          {
            "name": "by_category",
            "required": false
          }
        ],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "apiDescription",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "info_settings",
    "pattern": "/info/settings",
    "category": "Management",
    "name": "Restricted settings",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [],
    "methods": {
      "GET": {
        "permission": "view_server_settings",
        "permissionLabel": "View detailed server settings",
        "summary": "Read the private settings of the server",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "settings",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "admin_security",
    "pattern": "/admin/security",
    "category": "Management",
    "name": "Security settings",
    "filesystem": false,
    "actorNotRequired": [
      "GET"
    ],
    "params": [],
    "methods": {
      "GET": {
        "permission": "manage_security",
        "permissionLabel": "Manage security settings",
        "summary": "Read the global roles and who holds them",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "security",
        "list": false,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "admin_security_role_user",
    "pattern": "/admin/security/roles/{role}/users/{user}",
    "category": "Management",
    "name": "User role",
    "filesystem": false,
    "actorNotRequired": [
      "GET",
      "POST",
      "DELETE"
    ],
    "params": [
      "role",
      "user"
    ],
    "methods": {
      "GET": {
        "permission": "manage_security",
        "permissionLabel": "Manage security settings",
        "summary": "Check whether a user holds a global role",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "userRoles",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "POST": {
        "permission": "manage_security",
        "permissionLabel": "Manage security settings",
        "summary": "Give a global role to a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "username",
        "list": true,
        "successStatus": [
          201,
          200
        ]
      },
      "DELETE": {
        "permission": "manage_security",
        "permissionLabel": "Manage security settings",
        "summary": "Take a global role away from a user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "admin_security_users",
    "pattern": "/admin/security/users",
    "category": "Management",
    "name": "Users with security",
    "filesystem": false,
    "actorNotRequired": [
      "GET"
    ],
    "params": [],
    "methods": {
      "GET": {
        "permission": "manage_security",
        "permissionLabel": "Manage security settings",
        "summary": "List users with the global roles they hold",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "userRoleList",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_keywords",
    "pattern": "/admin/maintenance/keywords",
    "category": "Management",
    "name": "Keywords maintenance",
    "filesystem": false,
    "actorNotRequired": [
      "POST"
    ],
    "params": [],
    "methods": {
      "POST": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Rebuild the keyword index of every activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "none",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_dates",
    "pattern": "/admin/maintenance/dates",
    "category": "Management",
    "name": "Dates maintenance",
    "filesystem": false,
    "actorNotRequired": [
      "POST"
    ],
    "params": [],
    "methods": {
      "POST": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Recompute the last-update dates of every activity",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "none",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_subscriptions",
    "pattern": "/admin/maintenance/subscriptions",
    "category": "Management",
    "name": "Subscriptions maintenance",
    "filesystem": false,
    "actorNotRequired": [
      "POST"
    ],
    "params": [],
    "methods": {
      "POST": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the subscription lists of every user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "none",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_conversations",
    "pattern": "/admin/maintenance/conversations",
    "category": "Management",
    "name": "Conversations maintenance",
    "filesystem": false,
    "actorNotRequired": [
      "POST"
    ],
    "params": [],
    "methods": {
      "POST": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the participant lists of every conversation",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "none",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_users",
    "pattern": "/admin/maintenance/users",
    "category": "Management",
    "name": "Users Maintenance",
    "filesystem": false,
    "actorNotRequired": [
      "POST"
    ],
    "params": [],
    "methods": {
      "POST": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the internal fields of every user",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "none",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_tokens",
    "pattern": "/admin/maintenance/tokens",
    "category": "Management",
    "name": "Tokens Maintenance",
    "filesystem": false,
    "actorNotRequired": [
      "POST"
    ],
    "params": [],
    "methods": {
      "POST": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Repair the owner fields of every push token",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "none",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_exceptions",
    "pattern": "/admin/maintenance/exceptions",
    "category": "Management",
    "name": "Error Exception list",
    "filesystem": false,
    "actorNotRequired": [
      "GET"
    ],
    "params": [],
    "methods": {
      "GET": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "List the exceptions the server has logged",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "exceptionSummary",
        "list": true,
        "successStatus": [
          200
        ]
      }
    }
  },
  {
    "id": "maintenance_exception",
    "pattern": "/admin/maintenance/exceptions/{hash}",
    "category": "Management",
    "name": "Error Exception",
    "filesystem": false,
    "actorNotRequired": [
      "GET"
    ],
    "params": [
      "hash"
    ],
    "methods": {
      "GET": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Read one logged exception with its traceback",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "exception",
        "list": false,
        "successStatus": [
          200
        ]
      },
      "DELETE": {
        "permission": "do_maintenance",
        "permissionLabel": "Execute maintenance tasks",
        "summary": "Delete one logged exception",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ]
      }
    }
  },
  {
    "id": "dep_user_device_token",
    "pattern": "/people/{username}/device/{platform}/{token}",
    "category": "Tokens",
    "name": "Device token (deprecated form)",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username",
      "platform",
      "token"
    ],
    "methods": {
      "POST": {
        "permission": "add_token",
        "permissionLabel": "Add a new device token",
        "summary": "Old form of registering a push device token (answers the actor profile)",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "person",
        "list": false,
        "successStatus": [
          201
        ],
        "deprecated": {
          "rewritesTo": {
            "method": "POST",
            "pattern": "/tokens"
          }
        }
      },
      "DELETE": {
        "permission": "delete_token",
        "permissionLabel": "Delete a device token",
        "summary": "Old form of removing one push device token",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ],
        "deprecated": {
          "rewritesTo": {
            "method": "DELETE",
            "pattern": "/tokens/{token}"
          }
        }
      }
    },
    "deprecated": true
  },
  {
    "id": "dep_user_subscriptions",
    "pattern": "/people/{username}/subscriptions/{hash}",
    "category": "Contexts",
    "name": "Subscription (deprecated form)",
    "filesystem": false,
    "actorNotRequired": [],
    "params": [
      "username",
      "hash"
    ],
    "methods": {
      "DELETE": {
        "permission": "remove_subscription",
        "permissionLabel": "Unsubscribe an user to a context",
        "summary": "Old form of unsubscribing a user from a context",
        "count": false,
        "restParams": [],
        "queryParams": [],
        "searchParams": false,
        "paginated": false,
        "upload": false,
        "model": "empty",
        "list": false,
        "successStatus": [
          204
        ],
        "deprecated": {
          "rewritesTo": {
            "method": "DELETE",
            "pattern": "/contexts/{hash}/subscriptions/{username}"
          }
        }
      }
    },
    "deprecated": true
  }
] as const satisfies readonly RouteSpec[]
