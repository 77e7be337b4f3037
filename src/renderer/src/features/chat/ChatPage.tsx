import { Conversation } from './Conversation';
import { ThreadList } from './ThreadList';
import './chat.css';

export function ChatPage() {
  return (
    <div className="chat">
      <h1 className="visually-hidden">Chat</h1>
      <ThreadList />
      <Conversation />
    </div>
  );
}
