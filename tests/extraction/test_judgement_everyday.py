"""Everyday news that uses conflict words in another sense gives no event; the conflict news beside it
does (``judgement.everyday_reason``). Each sentence runs through the whole extractor, in mixed case and
in ALL CAPS."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire.extraction.judgement import ordinary_crime_article, ordinary_crime_reason
from eventwire.models.document import Document


def _run(extractor: Any, text: str) -> Any:
    return extractor.run(Document(id="everyday-test", text=text, published=dt.date(2024, 5, 6)))


EVERYDAY = [
    ("The striker scored twice as Boca beat River 2-0 on Sunday.", "not conflict (sport"),
    ("United's new signing fired a shot past the keeper in the 89th minute.", "not conflict (sport"),
    ("Chelsea's attack fired blanks again as they drew 0-0 with Everton in the league.", None),
    ("Shares plunged 12 percent after the company killed its electric car programme.", "not conflict (what"),
    ("The film bombed at the box office, and the studio killed plans for a sequel.", None),
    ("The minister attacked the opposition's budget plan in a fiery speech.", "not conflict"),
    ("The storm battered the coast on Tuesday, leaving thousands of homes without power.", "not conflict"),
    ("Fire broke out at a warehouse in Houston on Saturday, injuring two firefighters.", "not conflict"),
    ("A boiler explosion at a factory in Dhaka injured three workers on Wednesday.", "not conflict"),
    ("The bomb squad was called to the airport after a bag was found.", "not conflict (no bomb"),
    ("Police arrested a man suspected of shoplifting at a shop in Leeds.", "not conflict (police"),
    ("Police arrested a man on suspicion of drink driving after a crash on the M4.", None),
    ("The chef blew up the souffle recipe on his show, and critics exploded with praise.", "not conflict"),
    ("Sales shot up by 40 percent after the launch.", "not conflict (figurative"),
    ("The senator called the bill an attack on the middle class.", "not conflict (figurative"),
    ("A bus overturned on a mountain road in Nepal on Sunday, killing 12 passengers.", "not conflict"),
    ("A plane crashed after take-off from Kathmandu on Monday, killing all 72 on board.", "not conflict"),
    ("The opposition leader launched a blistering attack on the government's handling of the economy.", None),
    ("Heavy fighting in the Senate over the budget continued into the night.", "not conflict (figurative"),
    ("Police raided the offices of the bank on Tuesday as part of a fraud investigation.", "not conflict"),
    ("The government said a ceasefire agreement with the rebels would be signed next month.", None),
    ("The star striker suffered a knee injury in training and will miss the final.", "not conflict (sport"),
    # (a review's probes)
    ('Storm Ciaran battered the south coast overnight, leaving thousands of homes without power.', None),
    ('A powerful earthquake struck eastern Turkey, killing at least 12 people.', None),
    ('Flash floods swept through the valley on Monday, killing five people.', None),
    ("The band's new album blew up on streaming services, racking up 50 million plays in a week.", None),
    ('Oil prices shot up after OPEC announced deeper output cuts.', None),
    ('Hundreds of fans stormed the pitch to celebrate the title win.', None),
    ('The former chief executive was arrested on fraud charges at his home in Frankfurt.', None),
    ('The hospital was hit by a cyber attack that disrupted operations for a week.', None),
    ('Two cars collided on the M25, killing one driver and injuring three passengers.', None),
    ('Police raided a cannabis farm in a disused warehouse in Birmingham.', None),
    ('A fire at a chemical plant in Texas injured three workers on Tuesday.', None),
    ('The central bank fired a warning shot at markets on Thursday.', None),
    ("The coach blasted his players after the 3-0 defeat, saying they had given up without a fight.", None),
    ("Samsung's new phone exploded onto the market, outselling rivals in its first month.", None),
    (
        "John Smith, 56, is charged with first degree murder and two counts of aggravated assault.",
        "legal (a charge in court",
    ),
    # (a second review's probes)
    ('The embattled prime minister met business leaders in London on Monday.', None),
    ('Germany needs more skilled workers, the labour minister said in Berlin on Monday.', None),
    ('Organisers cancelled a protest planned for Monday in Nairobi after talks with the council.', None),
    ('Police informed the protest organisers in London that the route had changed.', None),
    ('Police arrested three students for shoplifting at a Tesco in Leeds on Monday.', None),
    ('The Senate clashed over the defence budget in Washington on Monday.', None),
    ('A fire at a textile plant in Dhaka killed 12 workers on the first day of a strike.', None),
    ("The opposition attacked the government's flagship housing programme in parliament on Tuesday.", None),
    ('The BBC killed the long-running quiz programme after 30 years, the broadcaster said in London.', None),
    ('An avalanche killed four skiers near Zermatt on Monday, rescuers using drones said.', None),
    ("A fire broke out on the set of a film shooting in Mumbai on Monday, injuring three crew.", None),
    # A trigger inside a longer word is that word: "afraid", "patriot", "studied", "unhurt".
    ("Residents were afraid of the dark on Monday.", "not conflict (inside the word 'afraid'"),
    ("Fire fighters put out the flames at the market in Temuco on Monday.", "not conflict (firefighters"),
    ("The patriots sang the anthem in Lima on Monday.", "not conflict (inside the word 'patriots'"),
    ("The minister, who studied law in Lima, spoke on Monday.", "not conflict (inside the word 'studied'"),
    # (ordinary news, tenth session): a link's words, other senses read after the word, a ball game's shot
    ("Read it at https://www.example.com/world/rebels-attack-village-near-the-border today.", "not a report"),
    ("The coach lashed out at the referees after Saturday's game in Denver.", "not conflict (another sense"),
    ("The broadcaster struck a record $2 billion deal with the league on Monday.", "not conflict (another"),
    ("More than 200 dead fish washed up on the beach at Mandurah on Sunday.", "not conflict (another sense"),
    ("The Guard has been helping in the battle against the opioid epidemic in Ohio.", "not conflict"),
    ("It was a two-run blast in the ninth that sealed the series for Toronto.", None),
    ("Smith hit the game-winning shot for Connecticut on Friday.", "not conflict (another sense"),
    ("Police are investigating the sudden deaths of two hikers found near Keswick.", None),
    ("Many in Leeds say they feel more watched and more under attack these days.", "not conflict (a feel"),
    ("The candidate took a shot at the governor's tax plan at a town hall in Iowa.", "not conflict (words"),
    ("She spoke at the launch of a book about sexual abuse in Lagos on Monday.", "not a report (the subject"),
    ("The Raptors battled back from 15 points down to beat Boston on Sunday.", None),
    ("Voters in Ohio go to the polls on Tuesday in a closely fought race for the Senate.", None),
    ("The chief of staff has clashed with the president's son-in-law.", "not conflict (a quarrel"),
    ("The clash reflects tensions over the trade deficit and tariffs on steel.", "not conflict (a quarrel"),
    ("The city settled claims that police spied on Muslims after the September 11 attacks.", "historical"),
    ("Princip assassinated the archduke in Sarajevo in June 1914, starting the Great War.", "historical"),
    ("Activists in Lagos launched a book by a survivor about sexual abuse on Monday.", "not a report"),
    ("Catholics gathered for the vigil Mass at the cathedral in Manila.", "not conflict (a religious"),
    ("The lawsuit claims he was unlawfully detained by fare inspectors in Toronto.", "legal (a lawsuit"),
    ("Over the past three years, the country has been hit by protests by farmers.", "generic (told over"),
    ("The thieves broke into the van in Malmo and stole guitars worth $50,000.", "not conflict (a theft"),
    ("The two suspects smashed a glass door to gain entry to the home in Toronto.", None),
    # (a party the agreement gate counts, so that the legal reading is what rejects it)
    ("The parties told the judge they reached an agreement in the lawsuit against the ministry.", "legal"),
    ("The senator withdrew from the race for governor on Monday.", "not conflict (another sense"),
    ("UEFA charged Liverpool over the attack on the Manchester City team bus.", "legal"),
    ("Since the attack on the museum in 2015, tourism in Tunis has fallen sharply.", "historical"),
    ("From the first shot of the video, he looks like a model taking a selfie.", "not conflict (a photo"),
    # (a review of the ordinary-news rules)
    ("The movie's closing shot lingers on the empty harbour at dawn.", "not conflict (a photo"),
    ("Read the full story at news.example.org/rebels-attack-village-near-border today.", "not a report"),
    ("The full story is online (www.example.org/gunmen-kill-5-in-kaduna) and in print.", "not a report"),
    # (eleventh session: a general news feed's conflict words that report no act)
    ("Russia is most likely responsible for the attack, the minister said during a debate in parliament.",
     "statement (blame"),
    ("The unit, which probes cases of serious injury, death or alleged sexual assault involving officers, "
     "declined to comment.", "generic (an office's remit"),
    ("The coach said those attacking the club online were cowards.", "generic (people by what they do"),
    ("The candidate said the country should send a line of white-clad peace demonstrators to the border.",
     "plan (a crowd proposed"),
    ("Recently, the crown prince detained a rival prince and tried to force him to resign.",
     "historical (undated background"),
    ("The new howitzers look like a tank on wheels and launch 155mm shells up to 40 km.",
     "not a report (what a weapon can do)"),
    ("Double the drama. Alfa attack. The Alfa Romeo badge is back on the grid this season.",
     "not a report (a subheading)"),
    ("Abo, 28, who survived detention and torture in Syria's jails, now lives in a camp on Samos.",
     "historical (a life's history"),
    ("She is one of the survivors of the shooting at the school in February.", "not a report (who people"),
    ("There, people are detained in overcrowded cells with no access to open air.", "generic (as a rule"),
    ("Migrants due to be deported are also detained, often for more than a month.", "generic (as a rule"),
    ("Aid groups are alarmed by rising rates of civilian casualties.", "generic (a rate"),
    ("Tourism is back in Tunisia. Since the attack on the museum in March 2015, security has improved.",
     "historical (a time reference"),
    ("They stole all of our guitars and a lights console, the singer said. Thieves broke into the band's van "
     "in Malmo overnight.", "not conflict (a theft"),
    ("Arms sales to Riyadh have drawn criticism over the Saudi bombing campaign in Yemen.",
     "generic (a campaign"),
    ("Critics point to the Saudi-led coalition fighting in Yemen and the toll on civilians.",
     "not a report (a force named by its war"),
    ("The striker was arrested for allegedly driving without a licence, the club said on Monday.", None),
    ("The minister, who survived cancer, spoke at the launch of the health campaign.", None),
    # "fired" at someone or something is a weapon's only when a weapon, or nothing, is what was fired
    ("The club fired its coach at the end of the season on Monday.", None),
    ("The company fired 200 workers at its plant in Ohio on Monday.", None),
    ("Reporters fired questions at the president on Monday.", None),
    ("Police fired tear gas at a crowd of Arsenal fans outside the stadium on Sunday.", None),
    ("The company launched a drone delivery service in Kigali on Tuesday.", None),
    ("The senator shot it down during the debate on Tuesday.", None),
    ("At no time did the inspectors say why he was being detained, the lawsuit says.", "denial"),
    ("SpaceX launched a rocket at Cape Canaveral on Monday carrying 22 satellites.", None),
    ("The startup launched a drone at the Consumer Electronics Show in Las Vegas on Tuesday.", None),
    ("North Korea launched a missile at the sea off its east coast on Monday, Seoul said.", None),
    ("Up to 50 people may have been killed when a dam burst in Derna on Sunday.", None),
    ("A 70-year-old was killed by a tiger in Maharashtra on Monday.", None),
    ("Police fired tear gas at supporters of rival football clubs after the derby in Izmir.", None),
    # (twelfth session: animals, and a tank of fuel or gas that blows up by itself, its toll told after it)
    ("A stray dog attacked and killed a six-year-old boy in Kano on Monday, police said.", "not conflict"),
    ("A pack of dogs mauled a woman to death in a village near Kabul on Monday.", None),
    ("A farmer was gored by a buffalo in Kenya on Tuesday and died in hospital.", None),
    ("A fuel tanker exploded on a highway near Lagos on Wednesday, killing 12 people.", "not conflict"),
    ("A fuel tank exploded at a factory in Dhaka on Monday, killing five workers.", "not conflict"),
    ("A gas cylinder explosion killed four people at a restaurant in Karachi on Monday.", "not conflict"),
    ("A boiler explosion killed three workers at a textile mill in Faisalabad on Monday.", None),
    # ground taken with no place word and no armed men: politics, sport, business
    ("Democrats took control of the House on Tuesday after winning 220 seats.", "no armed actor"),
    ("The investor group took control of the company on Monday.", "no armed actor"),
    ("Arsenal took control of the game in the second half on Sunday.", "no armed actor"),
    ("Liverpool recaptured the lead on Sunday.", "no armed actor"),
    ("The title fell to Liverpool after a dramatic final day on Sunday.", "no armed actor"),
    ("The board gained control of the budget on Monday.", "no armed actor"),
    ("The company regained control of its website on Monday after a hack.", "no armed actor"),
    ("The team liberated the city's water supply from the old contract on Monday.", "no armed actor"),
    ("The army band marched through the capital on Independence Day.", "not conflict"),
    ("Veterans marched in the annual Remembrance Day parade in London on Sunday.", "not conflict"),
    ("In 2012 protesters demonstrated in Ouagadougou against the mayor.", "past"),
    ("Militants continue to attack villages in the region, killing civilians.", "generic"),
    # (the twelfth session's review: a side's play named by its country, labour strikes, control of a game)
    ("Chad attacked the basket relentlessly as the Bulls beat the Knicks.", "not conflict"),
    ("Georgia struck gold in the judo final in Paris on Sunday.", "not conflict"),
    ("Pakistan struck twice in the first over to leave England reeling at 5 for 2.", "not conflict"),
    ("India pounded the Australian attack for 400 runs on the opening day in Perth.", None),
    ("Refinery strikes hit fuel depots across France on Tuesday, leaving petrol stations dry.", None),
    ("Rolling strikes hit army bases' canteens in Britain on Monday as civilian staff walked out.", None),
    ("The Fighters seized control of the game in the second half in Sapporo on Sunday.", "no armed actor"),
    ("Government forces regained control of the narrative after the scandal.", "no armed actor"),
    ("Rebels in the ruling party gained control of the central committee on Sunday.", "no armed actor"),
    ("Fuel strikes hit depots in Kenya on Monday, causing shortages.", None),
    ("The UN said on Tuesday that at least 300 people have been killed in El Fasher since fighting began.",
     "cumulative"),
    ("Truckers' strikes hit fuel depots in Kenya on Monday.", None),
    ("The army took control of the company's finances in Lagos on Monday.", "no armed actor"),
    ("Rebels took control of the narrative of the war in Goma on Monday.", "no armed actor"),
    ("India struck twice before lunch against Australia in Perth on Monday.", "not conflict"),
    ("Pakistan struck early on the first morning against England in Multan on Monday.", "not conflict"),
    ("Pakistan struck again in the second session to reduce England to 120 for 5.", "not conflict"),
    ("A gas cylinder exploded at an army mess in Quetta on Monday, killing five soldiers.", "not conflict"),
    ("A fuel tanker exploded after a crash in Kogi on Monday, killing 20, two soldiers among them.", None),
    ("Families gathered in the park on Monday to remember the victims and pray.", None),
    ("Fans gathered in Madrid on Sunday to celebrate the title and sing with the players.", None),
    # (twelfth session's review of the role helper: sport's attackers, shoppers' rushes, a virus's dead)
    ("The attackers scored twice and the fans threw flowers onto the pitch on Sunday.", "not conflict"),
    ("Shoppers stormed the stores as the Black Friday sales opened on Friday.", "not conflict"),
    ("40 people were killed by the virus in Lima last week.", "not conflict"),
]  # fmt: skip

# A trial's account or a feature about crimes long past, told so in the lead: every act in it is the
# court's or the programme's story.
TRIAL_OR_FEATURE = [
    ("Woman, 20, killed by stray bullet in gang territory, court told. A young woman was killed when a "
     "bullet ricocheted off a wall in north London, a jury heard on Monday.", "legal (a trial's account"),
    ("This week the documentary series Unleashing Evil examines the crimes of two brothers who torched three "
     "synagogues and murdered a gay couple.", "not a report (a feature"),
    ("Season two of the drama series explores the murders of three sisters in a Welsh village.",
     "not a report (a feature"),
    ("The film explores the murders of three women in a small town, the director said.",
     "not a report (a feature"),
    # (ACLED codes the act when it happened, not the trial that tells of it)
    ("A court heard on Monday that soldiers killed 12 villagers in Borno last year.",
     "legal (a trial's account"),
]  # fmt: skip

# Articles about police work and the courts, with no armed group, politics or crowd anywhere: ordinary crime.
ORDINARY_CRIME = [
    "A man was arrested on Tuesday after he pointed a fake pistol at officers outside a bar in Regina. "
    "He was taken to the city jail and will appear in court on Friday, police said.",
    "Two men stabbed a shopkeeper in an alley in Leeds on Friday night. Detectives arrested both suspects "
    "on Saturday and they are due in court on Monday.",
    "A 45-year-old man was charged with felony child endangerment after he smashed the windows of a parked "
    "car with a boy inside in Beverly Hills, police said. A bystander attacked him before officers came.",
    "The jury heard that Jones stabbed his neighbour after a row over a fence in Swansea last May. "
    "The trial continues.",
    # (a review's probes: a shooting in a row or a robbery, a court hearing, a death not suspicious, a theft)
    "The jury heard that Evans shot his neighbour in the arm after a row over a hedge in Cardiff.",
    "The singer was shot in the foot outside a studio in Houston; police said it appeared to be a robbery.",
    # (eleventh session: a civil claim, an arrest told with its charge as an allegation, a police search,
    # a combat sport's fighters)
    "Officers arrested the teenager and injured his arm, the statement of claim says. The family is seeking "
    "$2 million.",
    "Police arrested a man in Kolkata for allegedly keeping his mother's body in a freezer for three years. "
    "Police raided his home on Thursday.",
    "Mixed martial arts fighter Conor Smith was arrested and charged with assault after a rampage at a press "
    "event that injured two other fighters.",
    "A 20-year-old was arrested after a man was kicked and punched in an attack outside a pub in Leeds. "
    "He appeared in court on Tuesday and was remanded in custody.",
    "A man was found dead at his flat in Hull on Monday. Police said the death was not suspicious.",
]

# A theft by a gang of thieves, told by the police, is no looting (no one armed, no crowd).
THEFT = "A gang of thieves stole 40 bicycles from a depot in Coventry overnight, police said."

CONFLICT = [
    "Police in Nairobi fired tear gas at opposition supporters on Tuesday.",
    "Hezbollah launched dozens of rockets at Israeli army positions in the Galilee on Tuesday.",
    "Hezbollah launched dozens of rockets at northern Israel on Monday.",
    "Monday's bombing in Mogadishu, the deadliest in five years, killed 1,200 people.",
    "Houthi forces launched a drone at a US destroyer in the Red Sea on Tuesday; the ship shot it down.",
    "Up to 50 people may have been killed in an airstrike on a market in Tigray on Tuesday.",
    "An unidentified man was shot down at the entrance of the military camp on Tuesday.",
    "Ukraine's air force said it had shot down 22 of 27 drones launched by Russia overnight.",
    "The NAF rebel forces fired grenade launchers at the governmental positions near Pisky on Tuesday.",
    "Fans clashed with police after the match in Buenos Aires, and 12 people were injured.",
    "Gunmen attacked a football stadium in Mogadishu on Sunday, killing five spectators.",
    "The striker was shot dead outside a bar in Medellin on Saturday.",
    "Arsonists set fire to a mosque in Kaduna on Monday, and firefighters put out the blaze.",
    "A gas cylinder bomb exploded in a market in Bauchi on Friday, killing four people.",
    "Gunmen killed the project manager of a road company in Zamfara on Monday.",
    "Rebels attacked the town on Sunday, the governor said on radio.",
    "Al-Shabaab claimed the attack on the base in Afgoye in a statement on Saturday.",
    "Protesters started to storm the governor's house in Tripoli on Friday.",
    "Police arrested 30 protesters in Nairobi on Tuesday.",
    "Gunmen shot up a bar in Culiacan on Saturday, killing three people.",
    "According to police, the fire broke out after an explosion at the bank in Monteria on Monday.",
    "Rebels shot down a military helicopter, which crashed near Gao on Monday, killing four soldiers.",
    "The ruling on the kidnappers was overturned after gunmen killed the judge in Cali on Monday.",
    "Rebels fired a carbomb at the barracks in Lima on Monday, killing two soldiers.",
    "Strikers blocked the gates of the car plant in Durban on Monday, the union said.",
    "Police arrested two men who attacked a mosque in Kaduna on Monday and charged them with arson.",
    # (a second review's probes)
    "Israeli forces attacked 30 points across Gaza, the Hamas-run media office said on Monday.",
    "Youths rioted in Bamako after Mali's 1-0 defeat to Guinea on Sunday.",
    "Clashes erupted in Bamako after Mali drew 1-1 with Guinea on Sunday.",
    "Al-Shabaab gunmen stormed the court in Mogadishu on Sunday.",
    "Rival militias clashed over the oil deal in Zawiya on Monday.",
    "Malian troops in Anefis surrendered without a fight to CSP rebels on Sunday.",
    "The convoy was shot up on the road to Culiacan, police said on Monday.",
    "Al-Shabaab attacked the stadium at half-time of the championship final in Mogadishu on Sunday.",
    "Rebels stormed the field base of the army in Kidal on Monday.",
    "Gunmen abducted 20 students some fourteen kilometres from Kaduna on Monday.",
    # (a review's probes: conflict news beside the everyday words)
    "Insurgents attacked the polio vaccination programme in northern Nigeria on Monday.",
    "Israel attacked Iran's nuclear programme on Friday, hitting enrichment sites at Natanz.",
    "Security forces arrested the opposition leader on suspicion of fraud, a move his party decried.",
    "Bandits killed 15 villagers who had fled their homes after heavy rains flooded the area in Zamfara.",
    "Armed men kidnapped 20 passengers after their bus overturned on the Abuja-Kaduna highway.",
    "TERRORISTS BLEW UP A GAS PIPELINE IN THE NORTH OF THE COUNTRY.",
    "An Israeli drone struck a car in south Lebanon; the vehicle caught fire and its two occupants died.",
    "Bandits attacked a coach on the Kaduna highway and abducted scores of passengers.",
    "Awami League activists attacked the BNP office in Bogra, vandalising scores of vehicles.",
    "The junta arrested a National League for Democracy lawmaker who faces the death penalty.",
    "Authorities arrested a prominent human rights defender who could face the death penalty.",
    "Gunmen shot up to 20 people at a bar in Guanajuato.",
    "Pakistani Taliban fighters attacked soldiers in a military post in North Waziristan.",
    "Attackers opened fire on the team bus, wounding the goalkeeper and a defender after the league match.",
    "A grenade exploded in the stands during the cup final in Bujumbura, wounding the goalkeeper.",
    "Police arrested 20 activists for trespassing at the air base, where they sprayed paint on two planes.",
    "Militants attacked a hydropower project in Khyber Pakhtunkhwa on Tuesday.",
    "An air strike hit a housing project in Gaza City on Monday.",
    "Police quelled a protest by students in Dhaka on Monday.",
    "Heavy fighting in coalition-held areas of Marib continued on Sunday.",
    "A Taliban antiaircraft targeted an army plane in Farah on Monday.",
    # (tenth session: conflict beside the police's and the courts' routine, or beside the new senses)
    "Gunmen killed a judge outside the court in Cali on Monday, and police said two suspects were arrested.",
    "Police arrested 12 opposition activists in Harare on Friday; they will appear in court on Monday.",
    "A mob beat a suspected thief to death in Nairobi on Sunday, police said.",
    "Detectives arrested three cartel members after a shootout that killed two officers in Culiacan.",
    "Unknown gunmen shot dead a prison guard on his way to work in Cotabato, police said on Monday.",
    "Residents lynched a suspected robber in Kisumu on Monday, and the sheriff took two men into custody.",
    "Police fired tear gas at protesters outside the court in Kampala where the opposition leader is tried.",
    "Rebels struck an army base near Goma on Monday, killing four soldiers.",
    "A sniper took a shot at the convoy near Kherson on Monday, wounding a driver.",
    "Jihadists killed 12 people in a raid on a village in Tillaberi; the dead included a prosecutor.",
    "Militiamen clashed with the army over the oil exports terminal in Zawiya on Monday.",
    "Police clashed with farmers protesting against import tariffs in Brussels on Monday.",
    "Rebels burned a church built in 1902 near Beni on Monday, killing 12 people.",
    "Thousands marched in Tunceli on Monday to commemorate the massacres of 1937.",
    "Monitors counted 1125 explosions in 1200 villages along the front line near Horlivka on Monday.",
    "Armed robbers killed two traders and stole their goods in Zamfara on Monday.",
    "Looters and rioters broke into shops and stole goods in Durban on Tuesday.",
    "Rebels withdrew from the town of Bunagana on Monday after talks.",
    "Hundreds held a candlelight vigil for the murdered journalist in Valletta on Sunday.",
    "Police arrested 20 activists on Monday, 3 years after the protests in Minsk.",
    "A young man shot a lawyer in the head with a pistol in Bogota and escaped; the coroner has her body.",
    "Detectives arrested two men over the assassination of a mayor in Veracruz, the prosecutor said.",
    "Since 1600 local time on Sunday there have been fierce clashes near El Paraiso in Chalatenango.",
    "A video filmed by residents shows soldiers shot two men in Bamenda on Monday.",
    # (people killed for who they are, and mob justice, told with the police's and the courts' routine)
    "Police in Recife arrested three men suspected of killing a city councillor. They will face trial.",
    "A radio presenter was shot dead in Mindanao on Monday. Detectives have arrested a suspect.",
    "A human rights lawyer was stabbed to death in Guatemala City; prosecutors said a suspect was held.",
    "An indigenous leader was beaten to death in Cauca on Sunday. Two men were charged with murder.",
    "Three men were arrested for burning down the house of a local chief in Kenema, and charged with arson.",
    "A lawmaker's office in Kampala was ransacked on Monday; detectives said two suspects were in custody.",
    "Villagers beat a suspected witch to death in Morogoro on Sunday; three people were charged with murder.",
    "Two men were shot dead in Culiacan on Sunday. The state prosecutor's office opened an investigation.",
    "A bus driver was gunned down in San Pedro Sula on Tuesday; detectives are investigating.",
    "A policeman was shot and wounded at a checkpoint in Tumaco on Monday; the suspect is in custody.",
    "Police arrested 15 people in Mombasa over the killing of two officers; they will be charged in court.",
    # (a review's probes: political violence told with the police's and the courts' routine)
    "Four men were found shot dead near Uruapan on Sunday. Prosecutors said they had been tortured.",
    "Villagers in Coban beat a man accused of theft to death, police said. Prosecutors are investigating.",
    "A community leader was murdered in Choco on Saturday; the prosecutor's office opened an investigation.",
    "Members of a street gang shot dead a taxi driver in Tegucigalpa who refused to pay, prosecutors said.",
    "A gang shot dead a bus conductor in San Salvador on Sunday. Police said the suspect was arrested.",
    "A city councillor was killed by two assailants on a motorbike in Morelia. The suspect is in custody.",
    "A legislator was shot dead outside his home in Cebu on Monday. Police said the suspect was arrested.",
    "An assemblyman was hacked to death in Kannur on Sunday; five suspects were remanded in custody.",
    "A gunman opened fire at a grocery store in Denver, killing nine people. He faces murder charges.",
    "Six people were killed when a shooter opened fire at a shopping centre. Detectives are investigating.",
    "At least 15 prisoners were killed in fighting between inmates at a jail in Tulua, detectives said.",
    "An officer fatally shot an unarmed man in Dayton late Saturday. His family want the officer charged.",
    "A man died after police officers restrained him during an arrest in Tulsa. Three officers were charged.",
    "Two farmers were killed in a dispute over land in Narok, police said. The suspect was held.",
    "A trade unionist was shot dead in Cali on Friday. The prosecutor's office said it opened an inquiry.",
    # (a review's probes: a year, a topic, a rite, a settlement, another sense read wrongly)
    "Heavy fighting has raged in the suburbs of Tripoli since 1800 yesterday, the ministry said.",
    "Gunmen attacked a church that has stood in the village since 1870, residents said.",
    "Tensions have grown over the last three years, and on Monday gunmen killed nine herders.",
    "An air campaign on militant hideouts killed 15 fighters on Sunday, the army said.",
    "Hundreds held a candlelight vigil in Tbilisi on Sunday against the mass arrests of protesters.",
    "Worshippers held a vigil outside the synagogue in Pittsburgh to demand an inquiry into the attack.",
    "Elders from the two clans signed an agreement to settle the dispute over water points in Galgaduud.",
    "Chadian troops withdrew from the central market of Abeche on Sunday, leaving it to the rebels.",
    "A roadside bomb struck a bus carrying contract workers near Mosul on Sunday.",
    "SIX DEAD AS CATTLE RUSTLERS RAID VILLAGE IN TURKANA.",
    "A farmer was hacked to death by herdsmen in Benue on Sunday. Police said the suspect was arrested.",
    "A police officer was stabbed to death at a checkpoint in Kano; the suspect is in custody.",
    "A vaccination worker was killed by a man in Bannu on Monday; the suspect was arrested.",
    # (eleventh session: conflict news beside blame, remits, doers, proposals, weapons, subheadings, trials,
    # survivors, people in general, thefts and police raids)
    "Islamic State claimed responsibility for the attack on the checkpoint in Kirkuk on Monday, which killed "
    "four soldiers.",
    "Police said a local militia was responsible for the attack on the village of Kumba, which killed 12 "
    "people.",
    "Those protesting outside the parliament in Nairobi were dispersed with tear gas on Tuesday.",
    "Opposition leaders led thousands of demonstrators to the parliament in Kinshasa on Monday.",
    "Recently displaced villagers were attacked by gunmen in Benue on Monday.",
    "Russian howitzers fired 155mm shells at Kherson on Monday, killing two civilians.",
    "The army said its howitzers, capable of firing shells 40 km, shelled rebel positions near Idlib on "
    "Monday.",
    "Suicide attack. A suicide bomber killed 12 people at a mosque in Kabul on Friday.",
    "Hundreds protested outside the court in Minsk on Monday as the trial of the opposition leader heard "
    "witnesses.",
    "The boy survived the attack on the school in Peshawar, in which gunmen killed 141 people.",
    "Relatives of the victims held a protest in Kabul on Monday.",
    "The families of the kidnapped students protested in Kaduna on Monday.",
    "Dozens of people are detained as police break up a protest in Minsk.",
    "Armed men stole cattle from herders in Karamoja on Monday, police said.",
    "A drug suspect was killed during a police raid in Bulacan on Monday. The suspect was on the drug "
    "watchlist, police said.",
    "Police arrested 12 activists in Harare for allegedly organising a protest; they will appear in court "
    "on Monday.",
    "Gunmen attacked a village in Benue on Monday. Since the attack, thousands have fled to Makurdi.",
    "Soldiers shot dead two gunmen attacking a checkpoint in Maiduguri on Monday.",
    "Gunmen killed the relatives of a police officer in Guerrero on Monday.",
    "Saudi-led coalition warplanes bombed a market in Saada on Monday, killing 12 civilians.",
    "Rebels fighting in Idlib shelled an army post on Monday.",
    "Police arrested a man for allegedly insulting the president on Facebook in Kampala on Monday.",
    "Explosion in Kabul. No further details were given.",
    "Mayor survived assassination attempt in Cebu on Monday, police said.",
    "Gunmen attacked the court in Kabul on Monday while the jury heard evidence, killing two guards.",
    "Police dogs attacked protesters in Nairobi on Tuesday, injuring 10.",
    "Gunmen shot dead a farmer and his dog in Plateau state on Monday.",
    "A bomb planted in a fuel tanker exploded near a checkpoint in Mogadishu on Monday, killing 12.",
    "A fuel tanker exploded after gunmen opened fire on it in Borno on Monday, killing 12.",
    "A gas cylinder bomb exploded in a market in Maiduguri on Monday, killing 5.",
    # (a tanker blowing up in a war's market, told no way how, may be a bomb: ACLED codes such)
    "A fuel tanker exploded in the market area of Afrin under unknown circumstances on Monday, killing 12.",
    "A car crash blocked the road before gunmen ambushed a convoy, killing 12 soldiers in Borno on Monday.",
    "The town fell to the rebels on Monday after heavy fighting.",
    "M23 took control of Goma on Monday.",
    "RSF fighters seized control of Wad Madani on Monday.",
    "Mozambican troops regained control of Mocimboa da Praia from insurgents on Sunday.",
    # a year in the actors' own history is not the act's
    "Former mutinous policemen fired in 2012 demonstrated in Ouagadougou on Monday asking for their jobs.",
    "Teachers who passed the test in 2019 held a protest demonstration in Jacobabad on Monday.",
    "On Monday relatives of inmates took part in a series of coordinated one-person protests in Angarsk.",
    "On Monday journalists gathered in Tizi Ouzou to mark press freedom day and denounce their treatment.",
    "On Monday, a man accused of sorcery and banned from the village of Kassila was beaten to death nearby.",
    "On Monday, presumed JNIM militants continued to attack Koutougou, killing two civilians.",
    # a toll after an accident is the accident's only where no armed men or arms are named after it
    "Floods killed 10 people in Kano on Monday as gunmen killed five villagers in Zamfara.",
    "Two people died in a road accident in Kabul on Monday, while gunmen killed a prayer leader in Herat.",
    # a blast of household gas that armed men set off or planted is a bomb
    "Militants set off a gas cylinder explosion at a wedding in Nangarhar on Friday, killing 12.",
    "A gas cylinder exploded in a Quetta market on Monday, killing five; police said militants planted it.",
    "Gangs took control of the police station in Gressier on Monday.",
    "Fano took control of Lalibela on Monday, residents said.",
    # (second review: the fixes' own twins)
    "Iran struck back at Israel with missiles and drones on Sunday.",
    "Israel struck again in Rafah on Monday, killing 12 people.",
    "Taliban fighters took control of the party headquarters in Kabul on Monday.",
    "Jihadists took control of the market in Djibo on Monday.",
    "Rebels seized control of the company's gold mine in Kivu on Monday.",
    "Russian strikes hit oil depots in Odesa on Monday.",
    # (third review)
    "A gas cylinder exploded at a Quetta market on Monday, killing five; the Taliban said it planted it.",
    "Gunmen struck again in Zamfara on Monday, killing 12 villagers.",
    # (fourth review: a source or a victim named by work is no labour strike; "over", "morning" are no sport)
    "Israeli strikes killed 20 people in Rafah on Monday, health workers said.",
    "Ukrainian strikes hit oil depots in Bryansk on Monday, causing fuel shortages.",
    "Militants struck late on Monday in Borno, killing over 30 soldiers.",
    # an accident a crowd answers is its grievance, not what befell it
    "Residents barricaded the main road in Goudrin, Burkina Faso on Monday in response to traffic accidents.",
    "Israel struck again in Rafah on Monday morning, killing 12 people.",
    # the coronavirus named beside an act is no cause of its deaths
    "Workers attacked police officers enforcing coronavirus measures in Mexico City on Monday, injuring two.",
    "The rebels took control of the town on Monday.",
    "Supporters of the band marched to parliament in Kampala on Monday to demand the release of its singer.",
]


@pytest.mark.parametrize(("text", "reason"), EVERYDAY)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_everyday_sense_is_no_event(extractor: Any, text: str, reason: str | None, case: Any) -> None:
    extraction = _run(extractor, case(text))
    assert extraction.events == ()
    if reason is not None:
        assert any(r.reason.startswith(reason) for r in extraction.rejections), extraction.rejections


@pytest.mark.parametrize(("text", "reason"), TRIAL_OR_FEATURE)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_trial_account_or_feature_gives_no_event(extractor: Any, text: str, reason: str, case: Any) -> None:
    extraction = _run(extractor, case(text))
    assert extraction.events == ()
    assert any(r.reason.startswith(reason) for r in extraction.rejections), extraction.rejections


@pytest.mark.parametrize("text", CONFLICT)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_conflict_beside_everyday_words_stays_an_event(extractor: Any, text: str, case: Any) -> None:
    assert len(_run(extractor, case(text)).events) >= 1


@pytest.mark.parametrize("text", ORDINARY_CRIME)
@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_ordinary_crime_article_gives_no_event(extractor: Any, text: str, case: Any) -> None:
    extraction = _run(extractor, case(text))
    assert extraction.events == ()
    assert any(r.reason.startswith("not conflict (ordinary crime") for r in extraction.rejections)


@pytest.mark.parametrize("case", [str, str.upper], ids=["mixed", "caps"])
def test_a_theft_by_a_gang_of_thieves_is_no_looting(extractor: Any, case: Any) -> None:
    extraction = _run(extractor, case(THEFT))
    assert extraction.events == ()
    assert any(r.reason.startswith("not conflict (a theft") for r in extraction.rejections)


def test_ordinary_crime_article_needs_the_routine_and_no_conflict_word() -> None:
    assert ordinary_crime_article("detectives arrested two men for burglary in leeds.") == (
        "detectives",
        False,
    )
    assert ordinary_crime_article("two men were arrested in leeds.") is None  # no routine: judged elsewhere
    assert ordinary_crime_article("detectives arrested two gang members in leeds.") is None
    assert ordinary_crime_article("the trial of the protesters opened in minsk.") is None


def test_a_shooting_or_many_dead_keep_a_killing_unless_the_setting_is_ordinary() -> None:
    shooting = "an officer fatally shot a man in dayton. prosecutors are reviewing the case."
    assert ordinary_crime_reason(shooting, "kill") is None
    many_dead = "eight people were stabbed to death in a supermarket in leeds. the suspect is in custody."
    assert ordinary_crime_reason(many_dead, "kill") is None
    row = "the jury heard that evans shot his neighbour after a row over a hedge in cardiff."
    assert ordinary_crime_reason(row, "injure") is not None
    sport = "the suspect was charged with assault. big time shot, smith! the coach tweeted."
    assert ordinary_crime_article(sport) == ("the suspect was", False)


def test_a_firearm_keeps_a_killing_but_not_an_arrest() -> None:
    text = "a young man shot the lawyer with a 9-mm pistol and escaped. a court judge ordered an inquest."
    assert ordinary_crime_reason(text, "kill") is None
    assert ordinary_crime_reason(text, "arrest") is not None
    assert ordinary_crime_reason(text, "protest") is None


@pytest.mark.parametrize(
    "text",
    [
        # an age, a day of the month and the injured are no toll of dead
        "a 45 year old man died after being stabbed outside a takeaway. a teenager was remanded in custody.",
        "on march 3 a man was stabbed to death in croydon. detectives have charged his flatmate.",
        "a fight at a nightclub in cardiff left three people injured. the suspect was bailed.",
    ],
)
def test_no_headcount_of_dead_in_ages_dates_or_the_injured(text: str) -> None:
    assert ordinary_crime_reason(text, "kill") is not None


@pytest.mark.parametrize(
    "text",
    [
        # the setting of a targeted killing, not of a quarrel
        "a man was shot dead at a bar in celaya on saturday. prosecutors opened a homicide investigation.",
        "a taxi driver was shot dead in tegucigalpa. neighbours said he refused to pay. detectives said.",
        "a witness in a drug trial was shot dead in cali. the suspect was not found, detectives said.",
    ],
)
def test_a_shooting_is_kept_where_its_setting_is_no_quarrel(text: str) -> None:
    assert ordinary_crime_reason(text, "kill") is None


def test_ground_retaken_by_a_country_named_after_the_verb_is_kept(extractor: Any) -> None:
    # No armed word, but a name follows the verb in mixed case: a country's forces retaking a town.
    (event,) = _run(extractor, "Ukraine retook Kherson on Friday after months of fighting.").events
    assert event.sub_event_type == "Government regains territory"
