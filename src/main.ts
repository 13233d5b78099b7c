/** Entry point. The console bot and the Discord bot arrive with the bot issue. */
import 'dotenv/config';

console.log('claimwatch: claim extraction is ready; try `npm run --silent cli -- extract data/articles/*.txt`.');
console.log('The console bot (slash commands over the sample articles) is the next piece of work.');
