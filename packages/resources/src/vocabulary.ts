/**
 * The fixed value sets MAX accepts in URL segments and bodies. Clients validate against them and the
 * mock server enforces them, so both read the same lists.
 */

/** Names of the per-context permissions (`/contexts/{hash}/permissions/{username}/{permission}`). */
export const CONTEXT_PERMISSIONS = [
  'read',
  'write',
  'subscribe',
  'unsubscribe',
  'invite',
  'kick',
  'delete',
  'flag',
] as const

/** Values a context's permission policy can take. */
export const PERMISSION_POLICIES = ['public', 'subscribed', 'restricted'] as const

/** Device token platforms (`/people/{username}/tokens/platforms/{platform}`). */
export const DEVICE_PLATFORMS = ['ios', 'android'] as const

/** Image sizes served under `/activities/{activity}/image/{size}` and `/messages/{id}/image/{size}`. */
export const IMAGE_SIZES = ['full', 'thumb'] as const

/** Security roles (`/admin/security/roles/{role}/users/{user}`). */
export const SECURITY_ROLES = ['Manager', 'NonVisible'] as const

/** Names of the context permissions. */
export type ContextPermission = (typeof CONTEXT_PERMISSIONS)[number]
/** Context permission policy values. */
export type PermissionPolicy = (typeof PERMISSION_POLICIES)[number]
/** A device token platform. */
export type DevicePlatform = (typeof DEVICE_PLATFORMS)[number]
/** An image size segment. */
export type ImageSize = (typeof IMAGE_SIZES)[number]
/** A security role name. */
export type SecurityRole = (typeof SECURITY_ROLES)[number]
