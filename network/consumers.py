from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .notifications import group_name, unread_count


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    """Sends a signed-in person their unread count, now and whenever it changes.
    Only the server speaks: whatever the client sends is ignored."""

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=4401)
            return
        self.group = group_name(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json(
            {"unread": await database_sync_to_async(unread_count)(user.pk)}
        )

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        pass

    async def notification_count(self, event):
        await self.send_json({"unread": event["unread"]})
